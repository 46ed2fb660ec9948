package io.pyredis.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * The interactive loop on a terminal: JLine line editing, history in ~/.pyredis_cli_history
 * (or $REDISCLI_HISTFILE), tab completion of command names and grey argument hints.
 */
final class Repl {

    static final String HISTORY_FILE = ".pyredis_cli_history";

    private final Cli cli;

    Repl(Cli cli) {
        this.cli = cli;
    }

    int run() {
        Terminal terminal;
        try {
            terminal = cli.env.terminal().open();
        } catch (IOException e) {
            cli.err.println("Cannot open the terminal: " + e.getMessage());
            return 1;
        }
        try (terminal) {
            LineReader reader = build(terminal);
            while (true) {
                String line;
                try {
                    line = reader.readLine(cli.prompt());
                } catch (UserInterruptException | EndOfFileException e) {
                    return 0;
                }
                reader.setTailTip("");
                Cli.LineResult r = cli.handleLine(line.getBytes(StandardCharsets.UTF_8), null);
                if (r == Cli.LineResult.QUIT) return 0;
                if (r == Cli.LineResult.CLEAR) {
                    terminal.puts(InfoCmp.Capability.clear_screen);
                    terminal.flush();
                }
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private LineReader build(Terminal terminal) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("pyredis-cli")
                .parser(parser)
                .completer(new CommandCompleter())
                .highlighter(new HintHighlighter())
                .history(new SecretFilteringHistory())
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                .option(LineReader.Option.AUTO_PARAM_SLASH, false)
                .option(LineReader.Option.INSERT_TAB, false);
        Path historyFile = historyFile();
        if (historyFile != null) b.variable(LineReader.HISTORY_FILE, historyFile);
        LineReader reader = b.build();
        reader.setAutosuggestion(LineReader.SuggestionType.TAIL_TIP);
        return reader;
    }

    /** getDotfilePath: $REDISCLI_HISTFILE as given ("/dev/null" turns the file off), else ~/.pyredis_cli_history. */
    private Path historyFile() {
        String env = cli.env.var("REDISCLI_HISTFILE");
        if (env != null) {
            if (env.equalsIgnoreCase("/dev/null")) return null;
            return Path.of(env);
        }
        return cli.env.home() == null ? null : cli.env.home().resolve(HISTORY_FILE);
    }

    /** Keeps AUTH and other secret-carrying lines out of the history. */
    private static final class SecretFilteringHistory extends DefaultHistory {
        @Override
        public void add(Instant time, String line) {
            List<byte[]> args = ArgSplitter.split(line.getBytes(StandardCharsets.UTF_8));
            if (args != null && !args.isEmpty()) {
                int skip = args.size() > 1 && new String(args.get(0), StandardCharsets.ISO_8859_1).matches("\\d+") ? 1 : 0;
                if (Cli.isSensitive(args.subList(skip, args.size()))) return;
            }
            super.add(time, line);
        }
    }

    private final class CommandCompleter implements Completer {
        @Override
        public void complete(LineReader reader, org.jline.reader.ParsedLine line, List<Candidate> candidates) {
            CommandDocs docs = cli.docs();
            List<String> words = line.words();
            int wi = line.wordIndex();
            if (wi == 0) {
                for (String n : docs.commandNames()) candidates.add(new Candidate(n));
            } else if (wi == 1 && words.get(0).equalsIgnoreCase("help")) {
                for (String n : docs.commandNames()) candidates.add(new Candidate(n));
                for (String g : docs.groups()) candidates.add(new Candidate("@" + g));
            } else if (wi == 1) {
                for (String s : docs.subcommandsOf(words.get(0))) candidates.add(new Candidate(s));
            }
        }
    }

    /**
     * Shows redis-cli's hint (the arguments still to type) as JLine's tail tip. The highlighter
     * runs on every redisplay, before the tail tip is drawn, which makes it the place to set it.
     */
    private final class HintHighlighter implements Highlighter {
        @Override
        public AttributedString highlight(LineReader reader, String buffer) {
            reader.setTailTip(hintFor(buffer));
            return new AttributedString(buffer, AttributedStyle.DEFAULT);
        }

        @Override
        public void setErrorPattern(java.util.regex.Pattern errorPattern) {
        }

        @Override
        public void setErrorIndex(int errorIndex) {
        }
    }

    String hintFor(String buffer) {
        if (!cli.hints || buffer.isBlank()) return "";
        List<byte[]> args = ArgSplitter.split(buffer.getBytes(StandardCharsets.UTF_8));
        if (args == null || args.isEmpty()) return "";
        List<String> words = new ArrayList<>(Cli.strings(args));
        if (words.get(0).toLowerCase(Locale.ROOT).matches("\\d+") && words.size() > 1) words.remove(0);
        boolean endSpace = Character.isWhitespace(buffer.charAt(buffer.length() - 1));
        String hint = cli.docs().hint(words, endSpace);
        return hint == null ? "" : hint;
    }
}
