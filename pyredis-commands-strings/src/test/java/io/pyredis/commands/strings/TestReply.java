package io.pyredis.commands.strings;

import io.pyredis.api.Reply;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A test-only RESP2/RESP3 encoder, standing in for pyredis-protocol's RespWriter until that
 * branch is merged: it writes what Redis 7.0 writes for each reply type.
 */
final class TestReply implements Reply {

    private final int protocol;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestReply(int protocol) {
        this.protocol = protocol;
    }

    int written() {
        return out.size();
    }

    String text() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private void line(char type, String s) {
        out.write(type);
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    @Override
    public int protocol() {
        return protocol;
    }

    @Override
    public void simple(String text) {
        line('+', text);
    }

    @Override
    public void ok() {
        simple("OK");
    }

    @Override
    public void error(String message) {
        line('-', message);
    }

    @Override
    public void integer(long value) {
        line(':', Long.toString(value));
    }

    @Override
    public void bulk(byte[] value) {
        if (value == null) {
            nullBulk();
        } else {
            bulk(value, 0, value.length);
        }
    }

    @Override
    public void bulk(byte[] value, int offset, int length) {
        line('$', Integer.toString(length));
        out.write(value, offset, length);
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    @Override
    public void bulk(String value) {
        bulk(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void bulk(long value) {
        bulk(Long.toString(value));
    }

    @Override
    public void nullBulk() {
        out.writeBytes(protocol == 3 ? "_\r\n".getBytes(StandardCharsets.US_ASCII)
                : "$-1\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void nullArray() {
        out.writeBytes(protocol == 3 ? "_\r\n".getBytes(StandardCharsets.US_ASCII)
                : "*-1\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void array(int count) {
        line('*', Integer.toString(count));
    }

    @Override
    public void map(int pairs) {
        if (protocol == 3) {
            line('%', Integer.toString(pairs));
        } else {
            array(2 * pairs);
        }
    }

    @Override
    public void set(int count) {
        line(protocol == 3 ? '~' : '*', Integer.toString(count));
    }

    @Override
    public void push(int count) {
        line(protocol == 3 ? '>' : '*', Integer.toString(count));
    }

    @Override
    public void doubleValue(double value) {
        throw new UnsupportedOperationException("not used by the strings pack");
    }

    @Override
    public void bool(boolean value) {
        if (protocol == 3) {
            line('#', value ? "t" : "f");
        } else {
            integer(value ? 1 : 0);
        }
    }

    @Override
    public void verbatim(String format, byte[] text) {
        throw new UnsupportedOperationException("not used by the strings pack");
    }

    @Override
    public void bigNumber(String digits) {
        throw new UnsupportedOperationException("not used by the strings pack");
    }
}
