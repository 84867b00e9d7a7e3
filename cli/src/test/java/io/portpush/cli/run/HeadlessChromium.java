package io.portpush.cli.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, driven from tests: a screenshot of a page, and what its first screen holds. */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    private static List<String> base(Path chromium, Path profile, int width, int height) {
        return new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height));
    }

    /** Runs Chromium to its end and returns what it printed on stdout. */
    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + p.exitValue() + ": " + command);
        }
        return out.get(10, TimeUnit.SECONDS);
    }

    static void screenshot(Path chromium, Path page, Path png, int width, int height, Path profile) throws Exception {
        List<String> c = base(chromium, profile, width, height);
        c.add("--screenshot=" + png);
        c.add(page.toUri().toString());
        run(c);
        if (!Files.exists(png)) {
            throw new AssertionError("chromium wrote no screenshot to " + png);
        }
    }

    /**
     * The text of the headings, paragraphs, list items and table rows the page's first screen
     * shows, one per line, as laid out by Chromium (a row of a table of hosts is prefixed
     * {@code tr.row}). Measured on a copy of the page with one script added at its end; the
     * report itself is not changed.
     */
    static String firstScreen(Path chromium, Path page, int width, int height, Path profile) throws Exception {
        String probe = "<script>(function(){var out=[];document.querySelectorAll('h1,h2,h3,h4,p,li,tr,summary').forEach(function(e){"
                + "var r=e.getBoundingClientRect();if(r.height>0&&r.top<window.innerHeight&&r.bottom>0){"
                + "out.push((e.matches('tr.row')?'tr.row ':'')+e.innerText.replace(/\\s+/g,' ').trim());}});"
                + "var pre=document.createElement('pre');pre.id='first-screen';pre.textContent=out.join('\\n');"
                + "document.body.appendChild(pre);})();</script>";
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Path copy = page.resolveSibling(page.getFileName() + ".probe.html");
        Files.writeString(copy, html.replace("</body>", probe + "</body>"), StandardCharsets.UTF_8);
        List<String> c = base(chromium, profile, width, height);
        c.add("--dump-dom");
        c.add(copy.toUri().toString());
        String dom = run(c);
        int at = dom.indexOf("<pre id=\"first-screen\">");
        if (at < 0) {
            throw new AssertionError("the probe did not run: no first-screen element in the dumped page");
        }
        String text = dom.substring(at + "<pre id=\"first-screen\">".length(), dom.indexOf("</pre>", at));
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** How many distinct colours a screenshot holds (a blank page has one). */
    static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
