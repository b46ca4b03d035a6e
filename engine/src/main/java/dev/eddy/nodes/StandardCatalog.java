package dev.eddy.nodes;

import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.NodeType;
import java.util.ArrayList;
import java.util.List;

/** Every node type Eddy knows, in palette order. */
public final class StandardCatalog {
    private static final Catalog INSTANCE = create();

    private StandardCatalog() {}

    public static Catalog get() { return INSTANCE; }

    private static Catalog create() {
        List<NodeType> all = new ArrayList<>();
        all.addAll(SourceNodes.all());
        all.addAll(TransformNodes.all());
        all.addAll(KeyNodes.all());
        all.addAll(TimeNodes.all());
        all.addAll(ProcessNodes.all());
        all.addAll(SinkNodes.all());
        return new Catalog(all);
    }
}
