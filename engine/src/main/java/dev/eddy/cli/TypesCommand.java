package dev.eddy.cli;

import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.PortSpec;
import dev.eddy.catalog.Suggestions;
import dev.eddy.nodes.StandardCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "types", mixinStandardHelpOptions = true,
        description = "List the node types, or describe one: its parameters, ports and the concept behind it.")
final class TypesCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "TYPE", description = "a node type id, e.g. key-by")
    String type;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var catalog = StandardCatalog.get();
        if (type == null) {
            for (Category c : Category.values()) {
                var types = catalog.inCategory(c);
                if (types.isEmpty()) continue;
                out.println(c.title());
                for (NodeType t : types) out.printf("  %-18s %s%n", t.id(), t.summary());
            }
            out.println();
            out.println("`eddy types TYPE` describes one.");
            return 0;
        }
        NodeType t = catalog.type(type).orElse(null);
        if (t == null) {
            spec.commandLine().getErr().println("eddy: unknown node type \"" + type + "\"" + Suggestions.didYouMean(type, catalog.ids())
                    + "; `eddy types` lists them all");
            return EddyCommand.BAD_INPUT;
        }
        describe(t, out);
        return 0;
    }

    static void describe(NodeType t, PrintWriter out) {
        out.println(t.id() + " — " + t.title() + " (" + t.category().title() + ")");
        out.println("  " + t.summary());
        out.println();
        out.println("  " + t.concept());
        out.println();
        if (t.params().isEmpty()) out.println("Parameters: none");
        else out.println("Parameters:");
        for (ParamSpec p : t.params()) {
            String dflt = p.required() ? "required" : p.hasDefault() ? "default " + p.defaultValue() : "optional";
            String choices = p.choices().isEmpty() ? "" : " [" + String.join("|", p.choices()) + "]";
            out.printf("  %-12s %-22s %s%s. %s%n", p.name(), p.kind().description(), dflt, choices, p.help());
        }
        out.println("Inputs:  " + ports(t.inputs()));
        out.println("Outputs: " + ports(t.outputs()));
        if (t.keyed()) out.println("Needs a keyed stream: connect it after a key-by node.");
        if (t.keying() == NodeType.Keying.OPTIONAL) out.println("Per key after a key-by node; otherwise over the whole stream in one subtask.");
        if (t.maxParallelism() == 1) out.println("Runs in a single subtask.");
    }

    private static String ports(java.util.List<PortSpec> ports) {
        if (ports.isEmpty()) return "none";
        return String.join(", ", ports.stream().map(p -> p.name() + " (" + p.help() + ")").toList());
    }
}
