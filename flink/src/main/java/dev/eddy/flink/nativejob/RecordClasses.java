package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * One Java record per distinct schema on the pipeline's edges, named after the node that first
 * emits it, with the text forms the pipeline's sources and sinks read and write. Records are
 * Flink POJOs since Flink 1.19, so they travel through Flink's own PojoSerializer.
 */
final class RecordClasses {
    /** The text forms a record is written in or read from. */
    enum Form { JSON, CSV, ROW, FROM_CSV, VALUES }

    /** A record class: its name, the schema, the Java name of each field, and the forms it needs. */
    static final class RecordClass {
        final ClassName name;
        final Schema schema;
        final List<String> javaNames;
        final String firstNode;
        final EnumSet<Form> forms = EnumSet.noneOf(Form.class);
        char delimiter = ',';

        RecordClass(ClassName name, Schema schema, List<String> javaNames, String firstNode) {
            this.name = name;
            this.schema = schema;
            this.javaNames = javaNames;
            this.firstNode = firstNode;
        }

        /** {@code r.amount()} for the field at index i of a record in variable {@code var}. */
        CodeBlock get(String var, int i) { return CodeBlock.of("$L.$L()", var, javaNames.get(i)); }

        String javaName(String field) { return javaNames.get(schema.indexOf(field)); }
    }

    private final String pkg;
    private final Set<String> taken;
    private final Map<Schema, RecordClass> bySchema = new LinkedHashMap<>();

    RecordClasses(String pkg, Set<String> takenNames) {
        this.pkg = pkg;
        this.taken = new HashSet<>(takenNames);
    }

    /** The class for records of {@code schema}, made (and named after {@code node}) the first time. */
    RecordClass of(Schema schema, String node) {
        return bySchema.computeIfAbsent(schema, s -> {
            String base = upperCamel(node);
            String name = base;
            for (int i = 2; !taken.add(name); i++) name = base + i;
            List<String> javaNames = new ArrayList<>();
            Set<String> used = new HashSet<>(Set.of("toJson", "toCsv", "toRowText", "fromCsv", "fieldValues", "FIELDS", "hashCode", "toString",
                    "equals", "getClass", "notify", "wait"));
            for (Field f : s.fields()) {
                String j = identifier(f.name());
                String unique = j;
                for (int i = 2; !used.add(unique); i++) unique = j + i;
                javaNames.add(unique);
            }
            return new RecordClass(ClassName.get(pkg, name), s, javaNames, node);
        });
    }

    List<JavaFile> files(ClassName lines) {
        List<JavaFile> out = new ArrayList<>();
        for (RecordClass c : bySchema.values()) out.add(JavaFile.builder(pkg, type(c, lines)).skipJavaLangImports(true).indent("    ").build());
        return out;
    }

    private static TypeSpec type(RecordClass c, ClassName lines) {
        TypeSpec.Builder t = TypeSpec.recordBuilder(c.name).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The records $S emits: $L.\n", c.firstNode, c.schema);
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        for (int i = 0; i < c.schema.size(); i++) {
            ctor.addParameter(ParameterSpec.builder(JavaExpressions.javaType(c.schema.field(i).type()), c.javaNames.get(i)).build());
        }
        t.recordConstructor(ctor.build());
        CodeBlock values = CodeBlock.join(c.javaNames.stream().map(n -> CodeBlock.of("$L", n)).toList(), ", ");
        if (c.forms.contains(Form.JSON) || c.forms.contains(Form.CSV)) {
            CodeBlock names = CodeBlock.join(c.schema.names().stream().map(n -> CodeBlock.of("$S", n)).toList(), ", ");
            t.addField(FieldSpec.builder(ArrayTypeName.of(String.class), "FIELDS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The field names as the pipeline spells them.\n").initializer("{$L}", names).build());
        }
        if (c.forms.contains(Form.JSON)) {
            t.addMethod(MethodSpec.methodBuilder("toJson").addModifiers(Modifier.PUBLIC).returns(String.class)
                    .addJavadoc("This record as one line of JSON.\n")
                    .addStatement("return $T.json(FIELDS, $L)", lines, values).build());
        }
        if (c.forms.contains(Form.CSV)) {
            t.addMethod(MethodSpec.methodBuilder("toCsv").addModifiers(Modifier.PUBLIC).returns(String.class)
                    .addJavadoc("This record as one line of CSV, in the order of {@link #FIELDS}.\n")
                    .addStatement("return $T.csv($L)", lines, values).build());
        }
        if (c.forms.contains(Form.ROW)) {
            t.addMethod(MethodSpec.methodBuilder("toRowText").addModifiers(Modifier.PUBLIC).returns(String.class)
                    .addJavadoc("This record as Flink's Row prints, e.g. +I[a, 1].\n")
                    .addStatement("return $T.row($L)", lines, values).build());
        }
        if (c.forms.contains(Form.VALUES)) {
            t.addMethod(MethodSpec.methodBuilder("fieldValues").addModifiers(Modifier.PUBLIC).returns(Object[].class)
                    .addJavadoc("The field values in the schema's order.\n")
                    .addStatement("return new Object[] {$L}", values).build());
        }
        if (c.forms.contains(Form.FROM_CSV)) {
            CodeBlock.Builder parse = CodeBlock.builder();
            for (int i = 0; i < c.schema.size(); i++) {
                parse.add(i == 0 ? "" : ",\n").add("$T.$L(cells.get($L))", lines, parser(c.schema.field(i).type()), i);
            }
            t.addMethod(MethodSpec.methodBuilder("fromCsv").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(c.name)
                    .addJavadoc("Reads one CSV line; an empty cell is NULL.\n")
                    .addParameter(String.class, "line")
                    .addStatement("$T<$T> cells = $T.cells(line, '$L', $L)", List.class, String.class, lines,
                            c.delimiter == '\'' ? "\\'" : String.valueOf(c.delimiter), c.schema.size())
                    .addStatement("return new $T(\n$>$L$<)", c.name, parse.build()).build());
        }
        return t.build();
    }

    private static String parser(DataType t) {
        return switch (t.kind()) {
            case STRING -> "string";
            case BIGINT -> "bigint";
            case DOUBLE -> "doubleValue";
            case BOOLEAN -> "bool";
            case TIMESTAMP -> "timestamp";
            default -> throw new JavaExpressions.NotNative("a CSV cell cannot hold a value of type " + t);
        };
    }

    /** A field name as a Java identifier: itself where it is one, else its words in lowerCamelCase. */
    static String identifier(String name) {
        if (SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !name.contains("$")) return name;
        String camel = camel(name, false);
        if (camel.isEmpty() || !Character.isJavaIdentifierStart(camel.charAt(0))) camel = "f" + camel;
        return SourceVersion.isKeyword(camel) ? camel + "Value" : camel;
    }

    static String upperCamel(String name) {
        String c = camel(name, true);
        if (c.isEmpty() || !Character.isJavaIdentifierStart(c.charAt(0))) c = "Node" + c;
        return c;
    }

    private static String camel(String name, boolean upperFirst) {
        StringBuilder b = new StringBuilder();
        boolean up = upperFirst;
        for (char ch : name.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            } else {
                up = b.length() > 0 || upperFirst;
            }
        }
        return b.toString();
    }
}
