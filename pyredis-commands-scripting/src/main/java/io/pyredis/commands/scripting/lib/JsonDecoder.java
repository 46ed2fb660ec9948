package io.pyredis.commands.scripting.lib;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.io.ByteArrayOutputStream;

/**
 * cjson.decode's parser (lua_cjson.c's json_next_token and friends): the input is read as a C
 * string, so a NUL byte ends it; errors name the token and its 1-based character position.
 */
final class JsonDecoder {

    private enum Token {
        T_OBJ_BEGIN, T_OBJ_END, T_ARR_BEGIN, T_ARR_END, T_STRING, T_NUMBER, T_BOOLEAN, T_NULL,
        T_COLON, T_COMMA, T_END, T_WHITESPACE, T_ERROR, T_UNKNOWN
    }

    private final byte[] data;
    private final int maxDepth;
    private final boolean invalidNumbers;
    private int ptr;
    private int depth;
    /** Values on the C decoder's Lua stack (its argument first), for lua_checkstack's limit. */
    private int top = 1;

    // the current token
    private Token type;
    private int index;
    private String error;
    private LuaValue value;

    JsonDecoder(byte[] data, int maxDepth, boolean invalidNumbers) {
        this.data = data;
        this.maxDepth = maxDepth;
        this.invalidNumbers = invalidNumbers;
    }

    LuaValue decode() {
        try {
            return parse();
        } catch (StackOverflowError deep) {
            // Java's stack ended before Lua's C stack limit would (a small thread stack and
            // decode_max_depth raised past 1000): fail as at that limit, where it was reached
            throw LuaArgs.error("Found too many nested data structures (" + depth + ") at character " + ptr);
        }
    }

    private LuaValue parse() {
        next();
        LuaValue v = processValue();
        next();
        if (type != Token.T_END) {
            throw parseError("the end");
        }
        return v;
    }

    /** The byte at {@code i}, 0 past the end as C's terminating NUL. */
    private int at(int i) {
        return i < data.length ? data[i] & 0xff : 0;
    }

    private static Token classify(int ch) {
        return switch (ch) {
            case '{' -> Token.T_OBJ_BEGIN;
            case '}' -> Token.T_OBJ_END;
            case '[' -> Token.T_ARR_BEGIN;
            case ']' -> Token.T_ARR_END;
            case ',' -> Token.T_COMMA;
            case ':' -> Token.T_COLON;
            case 0 -> Token.T_END;
            case ' ', '\t', '\n', '\r' -> Token.T_WHITESPACE;
            case 'f', 'i', 'I', 'n', 'N', 't', '"', '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> Token.T_UNKNOWN;
            default -> Token.T_ERROR;
        };
    }

    private void setError(String what) {
        type = Token.T_ERROR;
        index = ptr;
        error = what;
    }

    private boolean startsWith(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at(ptr + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void next() {
        int ch;
        while (true) {
            ch = at(ptr);
            type = classify(ch);
            if (type != Token.T_WHITESPACE) {
                break;
            }
            ptr++;
        }
        index = ptr;
        if (type == Token.T_ERROR) {
            setError("invalid token");
            return;
        }
        if (type == Token.T_END) {
            return;
        }
        if (type != Token.T_UNKNOWN) {
            ptr++;
            return;
        }
        if (ch == '"') {
            string();
        } else if (ch == '-' || ('0' <= ch && ch <= '9')) {
            if (!invalidNumbers && isInvalidNumber()) {
                setError("invalid number");
                return;
            }
            number();
        } else if (startsWith("true")) {
            type = Token.T_BOOLEAN;
            value = LuaValue.TRUE;
            ptr += 4;
        } else if (startsWith("false")) {
            type = Token.T_BOOLEAN;
            value = LuaValue.FALSE;
            ptr += 5;
        } else if (startsWith("null")) {
            type = Token.T_NULL;
            ptr += 4;
        } else if (invalidNumbers && isInvalidNumber()) {
            // only numbers strict JSON rejects (inf, nan, hex, +1): other bad tokens stay "invalid token"
            number();
        } else {
            setError("invalid token");
        }
    }

    private boolean matchesIgnoreCase(int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(at(p + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** json_is_invalid_number: what strtod reads but strict JSON does not. */
    private boolean isInvalidNumber() {
        int p = ptr;
        if (at(p) == '+') {
            return true;
        }
        if (at(p) == '-') {
            p++;
        }
        if (at(p) == '0') {
            int ch2 = at(p + 1);
            return (ch2 | 0x20) == 'x' || ('0' <= ch2 && ch2 <= '9');
        } else if (at(p) <= '9') {
            return false;
        }
        return matchesIgnoreCase(p, "inf") || matchesIgnoreCase(p, "nan");
    }

    private void number() {
        int[] end = new int[1];
        double d = Strtod.parse(data, ptr, end);
        type = Token.T_NUMBER;
        if (end[0] == ptr) {
            setError("invalid number");
        } else {
            value = LuaArgs.number(d);
            ptr = end[0];
        }
    }

    private static int hexDigit(int c) {
        if ('0' <= c && c <= '9') {
            return c - '0';
        }
        c |= 0x20;
        if ('a' <= c && c <= 'f') {
            return 10 + c - 'a';
        }
        return -1;
    }

    private int hex4(int p) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = hexDigit(at(p + i));
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private void string() {
        ptr++;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int ch;
        while ((ch = at(ptr)) != '"') {
            if (ch == 0) {
                setError("unexpected end of string");
                return;
            }
            if (ch == '\\') {
                int esc = at(ptr + 1);
                int translated = switch (esc) {
                    case '"', '\\', '/' -> esc;
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    case 'u' -> -1;
                    default -> 0;
                };
                if (translated == -1) {
                    if (!unicodeEscape(buf)) {
                        setError("invalid unicode escape code");
                        return;
                    }
                    continue;
                }
                if (translated == 0) {
                    setError("invalid escape code");
                    return;
                }
                ch = translated;
                ptr++;
            }
            buf.write(ch);
            ptr++;
        }
        ptr++;
        type = Token.T_STRING;
        value = LuaValue.valueOf(buf.toByteArray());
    }

    /** json_append_unicode_escape: \\uXXXX (or a surrogate pair of them) as UTF-8. */
    private boolean unicodeEscape(ByteArrayOutputStream buf) {
        int cp = hex4(ptr + 2);
        int len = 6;
        if (cp < 0) {
            return false;
        }
        if ((cp & 0xF800) == 0xD800) {
            if ((cp & 0x400) != 0) {
                return false;
            }
            if (at(ptr + 6) != '\\' || at(ptr + 7) != 'u') {
                return false;
            }
            int low = hex4(ptr + 8);
            if (low < 0 || (low & 0xFC00) != 0xDC00) {
                return false;
            }
            cp = (((cp & 0x3FF) << 10) | (low & 0x3FF)) + 0x10000;
            len = 12;
        }
        if (cp <= 0x7F) {
            buf.write(cp);
        } else if (cp <= 0x7FF) {
            buf.write((cp >> 6) | 0xC0);
            buf.write((cp & 0x3F) | 0x80);
        } else if (cp <= 0xFFFF) {
            buf.write((cp >> 12) | 0xE0);
            buf.write(((cp >> 6) & 0x3F) | 0x80);
            buf.write((cp & 0x3F) | 0x80);
        } else {
            buf.write((cp >> 18) | 0xF0);
            buf.write(((cp >> 12) & 0x3F) | 0x80);
            buf.write(((cp >> 6) & 0x3F) | 0x80);
            buf.write((cp & 0x3F) | 0x80);
        }
        ptr += len;
        return true;
    }

    private RuntimeException parseError(String expected) {
        String found = type == Token.T_ERROR ? error : type.name();
        return LuaArgs.error("Expected " + expected + " but found " + found + " at character " + (index + 1));
    }

    private void descend(int slots) {
        depth++;
        if (depth <= maxDepth && top + slots <= LuaArgs.MAX_C_STACK) {
            return;
        }
        throw LuaArgs.error("Found too many nested data structures (" + depth + ") at character " + ptr);
    }

    private LuaValue processValue() {
        switch (type) {
            case T_STRING, T_NUMBER, T_BOOLEAN:
                return value;
            case T_NULL:
                return Cjson.NULL;
            case T_OBJ_BEGIN:
                return object();
            case T_ARR_BEGIN:
                return array();
            default:
                throw parseError("value");
        }
    }

    private LuaValue object() {
        descend(3);
        LuaTable t = new LuaTable();
        top++;
        next();
        if (type == Token.T_OBJ_END) {
            depth--;
            top--;
            return t;
        }
        while (true) {
            if (type != Token.T_STRING) {
                throw parseError("object key string");
            }
            LuaValue key = value;
            top++;
            next();
            if (type != Token.T_COLON) {
                throw parseError("colon");
            }
            next();
            t.rawset(key, processValue());
            top--;
            next();
            if (type == Token.T_OBJ_END) {
                depth--;
                top--;
                return t;
            }
            if (type != Token.T_COMMA) {
                throw parseError("comma or object end");
            }
            next();
        }
    }

    private LuaValue array() {
        descend(2);
        LuaTable t = new LuaTable();
        top++;
        next();
        if (type == Token.T_ARR_END) {
            depth--;
            top--;
            return t;
        }
        for (int i = 1; ; i++) {
            t.rawset(i, processValue());
            next();
            if (type == Token.T_ARR_END) {
                depth--;
                top--;
                return t;
            }
            if (type != Token.T_COMMA) {
                throw parseError("comma or array end");
            }
            next();
        }
    }
}
