package io.pyredis.server;

/** STUB: command-line entry point. */
public final class Main {
    public static void main(String[] args) {
    }
}
