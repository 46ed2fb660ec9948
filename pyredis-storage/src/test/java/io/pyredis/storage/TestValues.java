package io.pyredis.storage;

import io.pyredis.api.DataType;
import io.pyredis.api.RedisValue;

/** Small value types for tests: a "string" and a "list" that only carry a label. */
final class TestValues {

    private TestValues() {
    }

    record Str(String text) implements RedisValue {
        @Override
        public DataType type() {
            return DataType.STRING;
        }

        @Override
        public String encoding() {
            return "raw";
        }
    }

    record Lst(String text) implements RedisValue {
        @Override
        public DataType type() {
            return DataType.LIST;
        }

        @Override
        public String encoding() {
            return "listpack";
        }
    }

    static Str str(String text) {
        return new Str(text);
    }
}
