package io.portpush.cli;

import java.util.ArrayList;
import java.util.List;

/** An aligned, plain-text table for human output: one header row, columns padded to fit. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final int maxLastColumn;

    public TextTable(List<String> header) {
        this(header, 80);
    }

    /** @param maxLastColumn the last column (usually free text) is cut to this width */
    public TextTable(List<String> header, int maxLastColumn) {
        this.header = List.copyOf(header);
        this.maxLastColumn = maxLastColumn;
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header has " + header.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    public String render() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        for (List<String> r : rows) {
            List<String> cut = new ArrayList<>(r);
            String last = cut.get(cut.size() - 1).replace('\n', ' ');
            cut.set(cut.size() - 1, last.length() > maxLastColumn ? last.substring(0, maxLastColumn - 1) + "…" : last);
            all.add(cut);
        }
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + widths[i] + "s  ", r.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
