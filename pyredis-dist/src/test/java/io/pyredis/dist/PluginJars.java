package io.pyredis.dist;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds plugin jars at test time, the way a third party would: a module that requires
 * only io.pyredis.api, compiled with javac against the pyredis-api jar the server runs
 * with. Nothing pre-built lives in the repository.
 */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * Writes {@code jar}: one pack, {@code packName}, whose {@code spiVersion()} returns
     * {@code spiVersionExpr} and which offers one command named {@code commandName} that
     * replies {@code +reply}. Sources and classes go to {@code work}, which must not be
     * the plugins directory (the server would take its sub-folders for plugins).
     */
    static Path pack(Path work, Path jar, String module, String packName, String spiVersionExpr,
                     String commandName, String reply) throws IOException {
        return pack(work, jar, module, packName, spiVersionExpr, commandName, reply, "", "", "");
    }

    /**
     * {@link #pack(Path, Path, String, String, String, String, String)} with Java statements
     * put first in the pack's {@code commands()}, in a {@code start(PackContext)} it then has
     * (none when empty), and first in the command's {@code execute}: how a test makes a
     * plugin that fails at one of those points.
     */
    static Path pack(Path work, Path jar, String module, String packName, String spiVersionExpr,
                     String commandName, String reply, String inCommands, String inStart, String inExecute)
            throws IOException {
        return pack(work, jar, module, packName, spiVersionExpr, commandName, reply, inCommands, inStart, inExecute, "");
    }

    /** The same, with Java statements in the pack's constructor too. */
    static Path pack(Path work, Path jar, String module, String packName, String spiVersionExpr,
                     String commandName, String reply, String inCommands, String inStart, String inExecute,
                     String inConstructor) throws IOException {
        String pkg = module;
        Path src = Files.createTempDirectory(work, "src-");
        Path pkgDir = src.resolve(pkg.replace('.', '/'));
        Files.createDirectories(pkgDir);
        Files.writeString(src.resolve("module-info.java"),
                "module " + module + " {\n"
                        + "    requires io.pyredis.api;\n"
                        + "    provides io.pyredis.api.CommandPack with " + pkg + ".TestPack;\n"
                        + "}\n");
        Files.writeString(pkgDir.resolve("TestPack.java"),
                "package " + pkg + ";\n"
                        + "import io.pyredis.api.*;\n"
                        + "import java.util.List;\n"
                        + "import java.util.Set;\n"
                        + "public final class TestPack implements CommandPack {\n"
                        + "    public TestPack() { " + inConstructor + " }\n"
                        + "    public String name() { return \"" + packName + "\"; }\n"
                        + "    public int spiVersion() { return " + spiVersionExpr + "; }\n"
                        + (inStart.isEmpty() ? "" : "    public void start(PackContext pc) { " + inStart + " }\n")
                        + "    public List<Command> commands() {\n"
                        + "        " + inCommands + "\n"
                        + "        CommandSpec spec = new CommandSpec(\"" + commandName + "\", -1, Set.of(), List.of(),\n"
                        + "                new CommandDoc(\"test\", \"0.1.0\", \"module\", \"O(1)\", List.of()));\n"
                        + "        return List.of(new Command() {\n"
                        + "            public CommandSpec spec() { return spec; }\n"
                        + "            public void execute(CommandContext ctx, byte[][] args) {\n"
                        + "                " + inExecute + "\n"
                        + "                ctx.reply().simple(\"" + reply + "\");\n"
                        + "            }\n"
                        + "        });\n"
                        + "    }\n"
                        + "}\n");
        return build(work, src, pkg + ".TestPack", jar);
    }

    /**
     * Writes {@code jar}: pack {@code packName} with a data type {@code ReloadTy1} (a counter
     * whose {@code save} writes its number) and two commands: {@code TSET key n} stores a
     * counter, {@code TGET key} replies {@code +<tag>:<n>}. Each version tags its replies, so
     * a test sees which version answered; the type's format is the same in all of them.
     */
    static Path typedPack(Path work, Path jar, String module, String packName, String tag) throws IOException {
        Path src = Files.createTempDirectory(work, "src-");
        Path pkgDir = src.resolve(module.replace('.', '/'));
        Files.createDirectories(pkgDir);
        Files.writeString(src.resolve("module-info.java"),
                "module " + module + " {\n    requires io.pyredis.api;\n"
                        + "    provides io.pyredis.api.CommandPack with " + module + ".TypedPack;\n}\n");
        Files.writeString(pkgDir.resolve("TypedPack.java"),
                "package " + module + ";\n"
                        + "import io.pyredis.api.*;\n"
                        + "import java.util.List;\n"
                        + "import java.util.Set;\n"
                        + "import java.util.function.Consumer;\n"
                        + "public final class TypedPack implements CommandPack {\n"
                        + "    static final class Counter implements RedisValue {\n"
                        + "        final long n;\n"
                        + "        Counter(long n) { this.n = n; }\n"
                        + "        public DataType type() { return TYPE; }\n"
                        + "        public String encoding() { return \"raw\"; }\n"
                        + "    }\n"
                        + "    static final PersistentType<Counter> TYPE = new PersistentType<>() {\n"
                        + "        public String name() { return \"ReloadTy1\"; }\n"
                        + "        public int encodingVersion() { return 1; }\n"
                        + "        public Class<Counter> valueClass() { return Counter.class; }\n"
                        + "        public void save(Counter v, RdbOutput out) { out.writeSigned(v.n); }\n"
                        + "        public Counter load(RdbInput in, int ver) { return new Counter(in.readSigned()); }\n"
                        + "        public void rewrite(byte[] key, Counter v, Consumer<byte[][]> emit) {\n"
                        + "            emit.accept(new byte[][] {\"TSET\".getBytes(), key, Long.toString(v.n).getBytes()});\n"
                        + "        }\n"
                        + "    };\n"
                        + "    public String name() { return \"" + packName + "\"; }\n"
                        + "    public int spiVersion() { return SpiVersion.CURRENT; }\n"
                        + "    public List<PersistentType<?>> dataTypes() { return List.of(TYPE); }\n"
                        + "    static CommandSpec specOf(String name, Set<CommandFlag> flags) {\n"
                        + "        return new CommandSpec(name, -2, flags, List.of(KeySpec.single(1, KeyFlag.RW, KeyFlag.UPDATE)),\n"
                        + "                new CommandDoc(\"test\", \"0.1.0\", \"module\", \"O(1)\", List.of(Argument.key(\"key\", 0))));\n"
                        + "    }\n"
                        + "    public List<Command> commands() {\n"
                        + "        return List.of(new Command() {\n"
                        + "            public CommandSpec spec() { return specOf(\"tset\", Set.of(CommandFlag.WRITE)); }\n"
                        + "            public void execute(CommandContext ctx, byte[][] args) {\n"
                        + "                ctx.db().set(args[1], new Counter(Long.parseLong(new String(args[2]))));\n"
                        + "                ctx.reply().ok();\n"
                        + "            }\n"
                        + "        }, new Command() {\n"
                        + "            public CommandSpec spec() { return specOf(\"tget\", Set.of(CommandFlag.READONLY)); }\n"
                        + "            public void execute(CommandContext ctx, byte[][] args) {\n"
                        + "                RedisValue v = ctx.db().get(args[1]);\n"
                        + "                if (!(v instanceof Counter c)) { throw new RedisError(\"ERR not a \" + TYPE.name() + \": \" + (v == null ? \"nil\" : v.getClass().getName())); }\n"
                        + "                ctx.reply().simple(\"" + tag + ":\" + c.n);\n"
                        + "            }\n"
                        + "        });\n"
                        + "    }\n"
                        + "}\n");
        return build(work, src, module + ".TypedPack", jar);
    }

    /**
     * Compiles {@code src} and writes {@code jar} with a services file naming {@code provider}
     * too (the module-info's {@code provides} is read on the module path only).
     */
    private static Path build(Path work, Path src, String provider, Path jar) throws IOException {
        Path classes = Files.createTempDirectory(work, "classes-");
        compile(src, classes);
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/io.pyredis.api.CommandPack"), provider + "\n");
        writeJar(classes, jar);
        return jar;
    }

    /** A file named like a jar that is not one. */
    static Path garbage(Path jar) throws IOException {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        return Files.write(jar, bytes);
    }

    /**
     * Builds a plugin project laid out as Maven's (templates/pyredis-plugin): its
     * {@code src/main/java} compiled against the pyredis-api jar, its
     * {@code src/main/resources} copied, into {@code classes}, and then {@code jar}.
     */
    static Path project(Path project, Path classes, Path jar) throws IOException {
        compile(project.resolve("src/main/java"), classes);
        Path resources = project.resolve("src/main/resources");
        if (Files.isDirectory(resources)) {
            try (Stream<Path> walk = Files.walk(resources)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    Path to = classes.resolve(resources.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        writeJar(classes, jar);
        return jar;
    }

    /** Compiles the {@code .java} files under {@code src} on {@code classPath} into {@code classes}. */
    static void compileOnClassPath(Path src, String classPath, Path classes) throws IOException {
        compile(src, List.of("--release", "17", "-d", classes.toString(), "-cp", classPath));
    }

    private static void compile(Path src, Path classes) throws IOException {
        compile(src, List.of("--release", "17", "-d", classes.toString(),
                "--module-path", Dist.apiJar().toString()));
    }

    private static void compile(Path src, List<String> options) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests need a JDK, not a JRE");
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(src)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                List<String> messages = new ArrayList<>();
                diagnostics.getDiagnostics().forEach(d -> messages.add(d.toString()));
                throw new IllegalStateException("test plugin does not compile: " + messages);
            }
        }
    }

    private static void writeJar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, manifest)) {
            for (Path f : files) {
                jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jos.write(Files.readAllBytes(f));
                jos.closeEntry();
            }
        }
    }
}
