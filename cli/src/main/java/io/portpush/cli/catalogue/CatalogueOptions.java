package io.portpush.cli.catalogue;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.CatalogueLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every catalogue-reading command shares. */
public final class CatalogueOptions {
    @Option(names = "--catalogue", paramLabel = "PATH",
            description = "Extra catalogue file merged after the bundled one (repeatable).")
    List<Path> extra = new ArrayList<>();

    @Option(names = "--json", description = "Machine-readable JSON output.")
    boolean json;

    public Catalogue load() {
        return new CatalogueLoader().load(extra);
    }
}
