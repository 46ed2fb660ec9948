-- One script per line, run as EVAL <line> 0 by record-lua-lib-replies.py (lines starting with
-- "--" are comments). Tables from cjson/cmsgpack are encoded with one key at most, or compared
-- after a round trip, as Lua and LuaJ iterate keys in different orders.
-- ===== cjson: encode =====
return cjson.encode({1, 2, 3, "x", true, false})
return cjson.encode({a = 1})
return cjson.encode({})
return cjson.encode("a/b\"c\\d\n\r\t\b\f\1\31\127\200")
return cjson.encode({[1] = 1, [2] = 2, [4] = 4})
return cjson.encode({[1] = 1, [20] = 20})
local r = cjson.encode({[1] = 1, [20] = 20}) return r
return {pcall(cjson.encode, {[1] = 1, [20] = 20})}
return {pcall(cjson.encode, {[1] = 1, [11] = 11})}
return cjson.encode({[1] = 1, [10] = 10})
return cjson.encode({[0] = "zero"})
return cjson.encode({[-1] = "minus"})
return cjson.encode({[1.5] = "x"})
return cjson.encode({3.14159265358979, 0.1, 1e15, 1e14, 123456789012345, -0.0001, 1e-5, 1/3, 2^53, -2^63})
return cjson.encode({1e300, 5e-324, 100, -100, 0.5})
return {pcall(cjson.encode, {0/0})}
return {pcall(cjson.encode, 1/0)}
return {pcall(cjson.encode, -1/0)}
return {pcall(cjson.encode, {[true] = 1})}
return {pcall(cjson.encode, {f = function() end})}
return {pcall(cjson.encode, function() end)}
return {pcall(cjson.encode, coroutine.create(function() end))}
return cjson.encode(cjson.null)
return cjson.encode({cjson.null, 1})
return cjson.encode(nil)
return cjson.encode(42)
return cjson.encode("\0ab")
return {pcall(function() local r = cjson.encode() return r end)}
return {pcall(function() local r = cjson.encode(1, 2) return r end)}
return {cjson.encode_number_precision(3), cjson.encode(3.14159), cjson.encode(1234567), cjson.encode_number_precision(14)}
return {pcall(function() local r = cjson.encode_number_precision(15) return r end)}
return {pcall(function() local r = cjson.encode_number_precision(0) return r end)}
return {pcall(function() local r = cjson.encode_number_precision("x") return r end)}
return {cjson.encode_invalid_numbers(true) and "t", cjson.encode({0/0, 1/0, -1/0}), cjson.encode_invalid_numbers("null"), cjson.encode({0/0, 1/0}), cjson.encode_invalid_numbers(false) and "t" or "f"}
return {pcall(function() local r = cjson.encode_invalid_numbers("maybe") return r end)}
return {pcall(function() local r = cjson.encode_invalid_numbers(1, 2) return r end)}
return {cjson.encode_keep_buffer(false) and 1 or 0, cjson.encode({1}), cjson.encode_keep_buffer("on") and 1 or 0}
return {cjson.encode_sparse_array()}
return {cjson.encode_sparse_array(true), cjson.encode({[1] = 1, [20] = 20})}
return {cjson.encode_sparse_array(false, 0), cjson.encode({[1] = 1, [20] = 20}), cjson.encode_sparse_array(false, 2, 10)}
return {cjson.encode_sparse_array(false, 1, 0), pcall(cjson.encode, {[1] = 1, [3] = 3}), cjson.encode_sparse_array(false, 2, 10)}
return {pcall(function() local r = cjson.encode_sparse_array(nil, -1) return r end)}
return {pcall(function() local r = cjson.encode_sparse_array(nil, nil, -1) return r end)}
return {cjson.encode_max_depth(), cjson.decode_max_depth()}
return {cjson.encode_max_depth(2), pcall(cjson.encode, {{{1}}}), cjson.encode({{1}}), cjson.encode_max_depth(1000)}
return {pcall(function() local r = cjson.encode_max_depth(0) return r end)}
local t = {} t[1] = t return {pcall(cjson.encode, t)}
local t = {} local c = t for i = 1, 999 do c[1] = {} c = c[1] end return #cjson.encode(t)
local t = {} local c = t for i = 1, 1000 do c[1] = {} c = c[1] end return {pcall(cjson.encode, t)}
cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 10000 do c[1] = {} c = c[1] end local ok, r = pcall(cjson.encode, t) cjson.encode_max_depth(1000) return {ok and 1 or 0, ok and #r or r}
cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 10000 do c.a = {} c = c.a end local ok, r = pcall(cjson.encode, t) cjson.encode_max_depth(1000) return {ok and 1 or 0, ok and #r or r}
-- ===== cjson: decode =====
return table.concat(cjson.decode("[0.0, -5e3, -1, 0.3e-3, 1023.2, 0e10]"), " ")
return cjson.encode(cjson.decode("[0.0, -5e3, -1, 0.3e-3, 1023.2, 0e10]"))
local d = cjson.decode('{"keya": "a", "keyb": "b"}') return {d.keya, d.keyb}
local d = cjson.decode('{"a":[1,2,{"b":true}],"c":null}') return {d.a[1], d.a[2], d.a[3].b, d.c == cjson.null and "null"}
return cjson.decode('"\\u00e9\\u20ac\\ud83d\\ude00\\u0041\\/\\b\\f\\n\\r\\t\\"\\\\"')
return cjson.decode('"\\u0000x"')
return {pcall(cjson.decode, '"\\ud83d"')}
return {pcall(cjson.decode, '"\\ude00\\ud83d"')}
return {pcall(cjson.decode, '"\\ud83d\\u0041"')}
return {pcall(cjson.decode, '"\\u12"')}
return {pcall(cjson.decode, '"\\x"')}
return {pcall(cjson.decode, '"abc')}
return {pcall(cjson.decode, '')}
return {pcall(cjson.decode, '   ')}
return {pcall(cjson.decode, 'x')}
return {pcall(cjson.decode, '[1,2')}
return {pcall(cjson.decode, '[1 2]')}
return {pcall(cjson.decode, '{"a" 1}')}
return {pcall(cjson.decode, '{"a":1 "b"}')}
return {pcall(cjson.decode, '{1:2}')}
return {pcall(cjson.decode, '[1]]')}
return {pcall(cjson.decode, 'nul')}
return {pcall(cjson.decode, 'tru')}
return {pcall(cjson.decode, '[,]')}
return {pcall(cjson.decode, '{"a":}')}
return {pcall(cjson.decode, '\0\0')}
return {pcall(cjson.decode, 'a\0')}
return cjson.decode('1\0garbage')
local r = cjson.decode('1\0garbage') return r
return {pcall(cjson.decode, '\200')}
return {pcall(function() local r = cjson.decode() return r end)}
return {pcall(function() local r = cjson.decode({}) return r end)}
return cjson.decode(123)
return {cjson.decode('true'), cjson.decode('false'), cjson.decode('null') == cjson.null and "null"}
return cjson.encode({cjson.decode('1e2'), cjson.decode('-0.5'), cjson.decode('12345678901234567890'), cjson.decode('0x1F'), cjson.decode('1E+2'), cjson.decode('  7  ')})
return cjson.encode({cjson.decode('Infinity') == 1/0, cjson.decode('-inf') == -1/0, cjson.decode('nan') ~= cjson.decode('nan'), cjson.decode('+5'), cjson.decode('0x1p4'), cjson.decode('-0x10'), cjson.decode('007')})
return {pcall(cjson.decode, '-')}
return {pcall(cjson.decode, '-x')}
return {pcall(cjson.decode, '1.5e')}
return {pcall(cjson.decode, '.5')}
return {pcall(cjson.decode, 'infinite')}
return {pcall(cjson.decode, 'NaN(123)')}
return {cjson.decode_invalid_numbers(false) and 1 or 0, pcall(cjson.decode, '0x10')}
return {pcall(cjson.decode, '+1')}
return {pcall(cjson.decode, 'inf')}
return {pcall(cjson.decode, '01')}
return {cjson.decode('-1'), cjson.decode('0'), cjson.decode_invalid_numbers(true) and 1 or 0}
return {cjson.decode_max_depth(2), pcall(cjson.decode, '[[[1]]]'), #cjson.decode('[[1]]'), cjson.decode_max_depth(1000)}
return {cjson.decode_max_depth(1), pcall(cjson.decode, '{"obj": {"array": [1,2,3,4]}}'), cjson.decode_max_depth(1000)}
local ok, r = pcall(cjson.decode, string.rep("[", 1000) .. string.rep("]", 1000)) return {ok and 1 or 0, type(r) == "table" and "table" or r}
local ok, r = pcall(cjson.decode, string.rep("[", 1001) .. string.rep("]", 1001)) return {ok and 1 or 0, type(r) == "table" and "table" or r}
return {pcall(cjson.decode, string.rep('{"a":', 1001))}
cjson.decode_max_depth(100000) local ok, r = pcall(cjson.decode, string.rep("[", 10000) .. string.rep("]", 10000)) cjson.decode_max_depth(1000) return {ok and 1 or 0, type(r) == "table" and "table" or r}
cjson.decode_max_depth(100000) local ok, r = pcall(cjson.decode, string.rep('{"a":', 10000)) cjson.decode_max_depth(1000) return {ok and 1 or 0, type(r) == "table" and "table" or r}
return cjson.encode(cjson.decode('{"k":[1,2,3,{"x":"y"}]}'))
return cjson.encode(cjson.decode('[1,null,3]'))
return cjson.encode({cjson.decode('-0'), -0.0})
return #cjson.decode('[1,null,3]')
return {cjson.null ~= nil, type(cjson.null), cjson._NAME, cjson._VERSION}
local c = cjson.new() c.encode_number_precision(2) return {c.encode(3.14159), cjson.encode(3.14159)}
-- ===== bit =====
return {bit.tobit(1), bit.tobit(0xffffffff), bit.tobit(2^32 + 5), bit.tobit(-1), bit.tobit(2^31), bit.tobit(1.5), bit.tobit(2.5), bit.tobit(-1.5), bit.tobit("12")}
return {bit.tohex(1), bit.tohex(-1), bit.tohex(255, 2), bit.tohex(255, -4), bit.tohex(0x12345678, 20), bit.tohex(0x1234, 0), bit.tohex(-2, -8)}
return {bit.bnot(0), bit.bnot(-1), bit.bnot(0x7fffffff)}
return {bit.band(1), bit.band(0xff, 0x0f, 0x3), bit.bor(1, 2, 4, 8, 16, 32, 64, 128), bit.bxor(1, 2), bit.bxor(-1, 0xffff), bit.band(-1, 2^32 + 1)}
return {bit.lshift(1, 31), bit.lshift(1, 32), bit.lshift(1, 33), bit.lshift(-1, 4), bit.lshift(1, -1)}
return {bit.rshift(-1, 28), bit.rshift(256, 4), bit.rshift(1, 32), bit.arshift(-256, 4), bit.arshift(0x80000000, 31), bit.arshift(256, 36)}
return {bit.rol(0x12345678, 4), bit.rol(1, 32), bit.ror(0x12345678, 4), bit.ror(1, 1), bit.rol(-1, 7)}
return {bit.bswap(0x12345678), bit.bswap(-1), bit.bswap(0xff)}
return {pcall(function() local r = bit.band(1, "x") return r end)}
return {pcall(function() local r = bit.tobit() return r end)}
return {pcall(function() local r = bit.tohex(1, nil) return r end)}
return {pcall(function() local r = bit.bor({}) return r end)}
return {bit.tobit(2^53), bit.tobit(2^52 + 0.5), bit.tobit(-2^31 - 1), bit.tobit(1e300)}
-- ===== cmsgpack =====
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(0.1))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(-1099511627776))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(0, 1, 127, 128, 255, 256, 65535, 65536, 4294967295, 4294967296, 2^53, 2^63))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(-1, -32, -33, -128, -129, -32768, -32769, -2147483648, -2147483649, -2^63, -2^64))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(0.5, 1.5, -0.25, 3.14159, 1e300, 1/0, -1/0, 2^64, 1e-300))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(true, false, nil, "", "abc", {}, {1, 2, 3}, {a = 1}, function() end, cjson.null))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack({[1] = 1, [3] = 3}))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack({[2] = 2}))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack({[1.5] = 1}))
local r = {} for _, n in ipairs({31, 32, 255, 256, 65535, 65536}) do local p = cmsgpack.pack(string.rep("x", n)) r[#r + 1] = string.format("%d:%02x%02x%02x%02x%02x", #p, p:byte(1, 5)) r[#r + 1] = #cmsgpack.unpack(p) end return r
local r = {} for _, n in ipairs({15, 16, 65535, 65536}) do local t = {} for i = 1, n do t[i] = i % 100 end local p = cmsgpack.pack(t) r[#r + 1] = string.format("%d:%02x%02x%02x%02x%02x", #p, p:byte(1, 5)) r[#r + 1] = #cmsgpack.unpack(p) end return r
local r = {} for _, n in ipairs({15, 16, 65536}) do local t = {} for i = 1, n do t["k" .. i] = i end local p = cmsgpack.pack(t) r[#r + 1] = string.format("%d:%02x%02x%02x", #p, p:byte(1, 3)) local u = cmsgpack.unpack(p) r[#r + 1] = u["k" .. n] end return r
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end local t = {} local c = t for i = 1, 20 do c[1] = {} c = c[1] end return hex(cmsgpack.pack(t))
local a = {x = nil, y = 5} local b = {x = a} a["x"] = b local re = cmsgpack.unpack(cmsgpack.pack(a)) return {re.y, re.x.x.y, re.x.x.x.x.x.x.x.x.x.x.x.x.x.x.y, type(re.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x), type(re.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x)}
return {cmsgpack.unpack(cmsgpack.pack(1, "two", 3.5, -4, true))}
local t = {cmsgpack.unpack(cmsgpack.pack(0.5, 2^40, -2^40, 1e300))} return {t[1] * 2, t[2] / 2^20, t[3] / 2^20, t[4] > 1e299}
local t = cmsgpack.unpack(cmsgpack.pack({1, {2, {3, "x"}}, {k = "v"}})) return {t[1], t[2][1], t[2][2][1], t[2][2][2], t[3].k}
return {cmsgpack.unpack("\204\255\205\1\0\206\0\1\0\0\207\0\0\0\1\0\0\0\0\208\128\209\128\0\210\128\0\0\0\211\255\255\255\255\255\255\255\255")}
return {cmsgpack.unpack("\207\128\0\0\0\0\0\0\0") < 0}
return {cmsgpack.unpack("\127\224\255\192\194\195")}
return {cmsgpack.unpack("\202\63\192\0\0") * 2, cmsgpack.unpack("\203\63\248\0\0\0\0\0\0") * 2}
return {cmsgpack.unpack("\217\3abc\218\0\2de\219\0\0\0\1f\161g")}
local t = cmsgpack.unpack("\220\0\2\1\2") local m = cmsgpack.unpack("\222\0\1\161a\1") local m2 = cmsgpack.unpack("\223\0\0\0\1\161b\2") local a2 = cmsgpack.unpack("\221\0\0\0\1\7") return {t[1], t[2], m.a, m2.b, a2[1]}
return {pcall(cmsgpack.unpack, "\193")}
return {pcall(cmsgpack.unpack, "\196\1a")}
return {pcall(cmsgpack.unpack, "\205\1")}
return {pcall(cmsgpack.unpack, "\219\0\0\0\9abc")}
return {pcall(cmsgpack.unpack, "\146\1")}
return {pcall(cmsgpack.unpack, "\129\192\1")}
return {pcall(function() local r = cmsgpack.pack() return r end)}
return {pcall(function() local r = cmsgpack.unpack() return r end)}
return {cmsgpack.unpack("")}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_one(p)}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_one(p, 1)}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_one(p, 2)}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_one(p, 3)}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_limit(p, 2)}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_limit(p, 2, 1)}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_limit(p, 5)}
local p = cmsgpack.pack(1, 2, 3) return {cmsgpack.unpack_limit(p, 0, 0)}
local p = cmsgpack.pack(1, 2, 3) return {pcall(cmsgpack.unpack_limit, p, -1)}
local p = cmsgpack.pack(1, 2, 3) return {pcall(cmsgpack.unpack_one, p, -2)}
local p = cmsgpack.pack(1, 2, 3) return {pcall(cmsgpack.unpack_one, p, 4)}
local p = cmsgpack.pack(1, 2, 3) return {pcall(function() local r = cmsgpack.unpack_limit(p) return r end)}
local s32, s255, s65k, slong = string.rep("x", 30), string.rep("x", 250), string.rep("x", 65530), string.rep("x", 100000) local e = cmsgpack.pack(s32, s255, s65k, slong) local o1, a = cmsgpack.unpack_limit(e, 1, 0) local o2, b = cmsgpack.unpack_limit(e, 1, o1) local o3, c = cmsgpack.unpack_limit(e, 1, o2) local o4, d = cmsgpack.unpack_limit(e, 1, o3) return {o1, o2, o3, o4, a == s32 and 1, b == s255 and 1, c == s65k and 1, d == slong and 1}
local p = string.rep(cmsgpack.pack(1), 7999) return select("#", cmsgpack.unpack(p))
local p = string.rep(cmsgpack.pack(1), 8000) return {pcall(cmsgpack.unpack, p)}
local p = string.rep(cmsgpack.pack({1}), 7998) .. cmsgpack.pack({{1}}) return {pcall(cmsgpack.unpack, p)}
local t = {} for i = 1, 4000 do t[i] = i end return #cmsgpack.pack(unpack(t))
local t = {} for i = 1, 4001 do t[i] = i end return {pcall(cmsgpack.pack, unpack(t))}
return {cmsgpack._NAME, cmsgpack._VERSION, cmsgpack._COPYRIGHT, cmsgpack._DESCRIPTION}
-- ===== struct =====
return struct.pack("bBhHiIlL", -1, 255, -2, 65535, -3, 4294967295, -4, 2^40)
return struct.pack(">bBhHiIlL", -1, 255, -2, 65535, -3, 4294967295, -4, 2^40)
return struct.pack("<i3>i3", 0x123456, 0x123456)
return struct.pack("i16", -1)
return struct.pack(">I16", 2^64 - 2048)
return struct.pack("fd", 1.5, -0.1)
return struct.pack(">fd", 1.5, -0.1)
return struct.pack("xbxx", 7)
return struct.pack("!bi", 1, 2)
return struct.pack("!2bi", 1, 2)
return struct.pack("!bd", 1, 2)
return struct.pack("!4bh>id", 1, 2, 3, 4)
return struct.pack("sc3c", "abc", "defg", "h")
return struct.pack("c0", "hello")
return struct.pack(" b < b ", 1, 2)
return {struct.unpack("bBhHiIlL", struct.pack("bBhHiIlL", -1, 255, -2, 65535, -3, 4294967295, -4, 2^40))}
return {struct.unpack(">bBhHiIlL", struct.pack(">bBhHiIlL", -1, 255, -2, 65535, -3, 4294967295, -4, 2^40))}
local a, b = struct.unpack("fd", struct.pack("fd", 1.5, -0.1)) return {a * 2, b * -10 == 1, b == -0.1}
return {struct.unpack("sc3c0", "abc\0defg\2hi")}
return {struct.unpack("bc0", "\3xyzw")}
return {struct.unpack("c1c0", "3abcd")}
return {struct.unpack("b", "\1\2\3", 2)}
return {struct.unpack("!bi", struct.pack("!bi", 1, 2))}
return {struct.unpack("I16", string.rep("\255", 16))}
return {struct.unpack("i16", string.rep("\255", 16))}
return {struct.unpack("i9", string.rep("\255", 8) .. "\127")}
return {struct.unpack("x", "a")}
return {struct.unpack("", "")}
return {struct.unpack("L", string.rep("\255", 8)) == 2^64}
return {struct.size("bhilLTfdxc5"), struct.size("!bhilLTfd"), struct.size("!4bd"), struct.size("i7"), struct.size("zq"), struct.size("")}
return {pcall(struct.size, "s")}
return {pcall(struct.size, "c0")}
return {pcall(struct.size, "b=")}
return {pcall(struct.pack, "i33", 1)}
return {pcall(struct.pack, "!3b", 1)}
return {pcall(struct.pack, "!0b", 1)}
return {pcall(struct.pack, "y", 1)}
return {pcall(struct.pack, "i99999999999", 1)}
return {pcall(function() local r = struct.pack("b") return r end)}
return {pcall(function() local r = struct.pack("b", "x") return r end)}
return {pcall(function() local r = struct.pack("c5", "abc") return r end)}
return {pcall(function() local r = struct.pack("bs", 1, {}) return r end)}
return {pcall(function() local r = struct.unpack("i", "abc") return r end)}
return {pcall(function() local r = struct.unpack("b", "abc", 0) return r end)}
return {pcall(function() local r = struct.unpack("b", "abc", 4) return r end)}
return {pcall(function() local r = struct.unpack("b", "abc", -1) return r end)}
return {pcall(struct.unpack, "s", "abc")}
return {pcall(struct.unpack, "c0", "abc")}
return {pcall(struct.unpack, "bc0", "\9abc")}
return {pcall(struct.unpack, "<=", "abc")}
return struct.pack("b\0b", 1, 2)
return {struct.pack("B", 256 + 65), struct.pack("b", -129), struct.pack("B", 1.9), struct.pack("b", -1.9)}
-- ===== the snippets of Redis's tests/unit/scripting.tcl (comments dropped, one line each) =====
return table.concat( cjson.decode( "[0.0, -5e3, -1, 0.3e-3, 1023.2, 0e10]"), " ")
local decoded = cjson.decode('{"keya": "a", "keyb": "b"}') return {decoded.keya, decoded.keyb}
local some_map = { s1="Some string", n1=100, a1={"Some","String","Array"}, nil1=nil, b1=true, b2=false} local encoded = cjson.encode(some_map) local decoded = cjson.decode(encoded) assert(table.concat(some_map) == table.concat(decoded)) cjson.encode_keep_buffer(false) encoded = cjson.encode(some_map) decoded = cjson.decode(encoded) assert(table.concat(some_map) == table.concat(decoded)) local table1 = {one="one", [1]="one"} encoded = cjson.encode(table1) decoded = cjson.decode(encoded) assert(decoded["one"] == table1["one"]) assert(decoded["1"] == table1[1]) local array1 = {[1]="one", [2]="two"} encoded = cjson.encode(array1) decoded = cjson.decode(encoded) assert(table.concat(array1) == table.concat(decoded)) local invalid_map = {} invalid_map[false] = "false" local ok, encoded = pcall(cjson.encode, invalid_map) assert(ok == false) cjson.encode_max_depth(1) ok, encoded = pcall(cjson.encode, some_map) assert(ok == false) cjson.decode_max_depth(1) ok, decoded = pcall(cjson.decode, '{"obj": {"array": [1,2,3,4]}}') assert(ok == false) ok, encoded = pcall(cjson.encode, {num1=0/0}) assert(ok == false) cjson.encode_invalid_numbers(true) ok, encoded = pcall(cjson.encode, {num1=0/0}) assert(ok == true) cjson.decode_max_depth(1000) cjson.encode_max_depth(1000) cjson.encode_invalid_numbers(false)
local encoded = cmsgpack.pack(0.1) local h = "" for i = 1, #encoded do h = h .. string.format("%02x",string.byte(encoded,i)) end return h
local encoded = cmsgpack.pack(-1099511627776) local h = "" for i = 1, #encoded do h = h .. string.format("%02x",string.byte(encoded,i)) end return h
local str_lt_32 = string.rep("x", 30) local str_lt_255 = string.rep("x", 250) local str_lt_65535 = string.rep("x", 65530) local str_long = string.rep("x", 100000) local array_lt_15 = {1, 2, 3, 4, 5} local array_lt_65535 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18} local array_big = {} for i=1, 100000 do array_big[i] = i end local map_lt_15 = {a=1, b=2} local map_big = {} for i=1, 100000 do map_big[tostring(i)] = i end local some_map = { s1=str_lt_32, s2=str_lt_255, s3=str_lt_65535, s4=str_long, d1=0.1, i1=1, i2=250, i3=65530, i4=100000, i5=2^40, i6=-1, i7=-120, i8=-32000, i9=-100000, i10=-3147483648, a1=array_lt_15, a2=array_lt_65535, a3=array_big, m1=map_lt_15, m2=map_big, b1=false, b2=true, n=nil } local encoded = cmsgpack.pack(some_map) local decoded = cmsgpack.unpack(encoded) assert(table.concat(some_map) == table.concat(decoded)) local offset, decoded_one = cmsgpack.unpack_one(encoded, 0) assert(table.concat(some_map) == table.concat(decoded_one)) assert(offset == -1) local encoded_multiple = cmsgpack.pack(str_lt_32, str_lt_255, str_lt_65535, str_long) local offset, obj = cmsgpack.unpack_limit(encoded_multiple, 1, 0) assert(obj == str_lt_32) offset, obj = cmsgpack.unpack_limit(encoded_multiple, 1, offset) assert(obj == str_lt_255) offset, obj = cmsgpack.unpack_limit(encoded_multiple, 1, offset) assert(obj == str_lt_65535) offset, obj = cmsgpack.unpack_limit(encoded_multiple, 1, offset) assert(obj == str_long) assert(offset == -1)
local a = {x=nil,y=5} local b = {x=a} a['x'] = b local encoded = cmsgpack.pack(a) local h = "" for i = 1, #encoded do h = h .. string.format("%02x",string.byte(encoded,i)) end local re = cmsgpack.unpack(encoded) assert(re) assert(re.x) assert(re.x.x.y == re.y) assert(re.x.x.x.x.y == re.y) assert(re.x.x.x.x.x.x.y == re.y) assert(re.x.x.x.x.x.x.x.x.x.x.y == re.y) assert(re.x.x.x.x.x.x.x.x.x.x.x.x.x.x.y == re.y) assert(re.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x) assert(re.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x == nil) return {h, re.x.x.x.x.x.x.x.x.y == re.y, re.y == 5}
assert(0x7fffffff == 2147483647, "broken hex literals"); assert(0xffffffff == -1 or 0xffffffff == 2^32-1, "broken hex literals"); assert(tostring(-1) == "-1", "broken tostring()"); assert(tostring(0xffffffff) == "-1" or tostring(0xffffffff) == "4294967295", "broken tostring()")
assert(bit.tobit(1) == 1); assert(bit.band(1) == 1); assert(bit.bxor(1,2) == 3); assert(bit.bor(1,2,4,8,16,32,64,128) == 255)
-- ===== more edges =====
return cjson.encode("\195\169\255\128 caf\195\169")
return cjson.decode('"\195\169\255"')
return cjson.encode({cjson.decode('1e400') == 1/0, cjson.decode('-1e400') == -1/0, cjson.decode('1e-400'), cjson.decode('0x1p-2000')})
return cjson.encode({cjson.decode('0x'), cjson.decode('0x.8'), cjson.decode('1.'), cjson.decode('-0x1.8p1')})
return {pcall(cjson.decode, '0x.')}
return {pcall(cjson.decode, '[1,]')}
return {pcall(cjson.decode, '{"a":1,}')}
return {pcall(cjson.decode, '"\\u00zz"')}
return {pcall(cjson.decode, '"\\udbff\\udfff"')}
return cjson.decode('"\\udbff\\udfff\\u07ff\\u0800\\uffff"')
return cjson.encode({["a\0b"] = "\0"})
return cjson.encode({[2^31] = 1, [1] = 2})
return {pcall(cjson.encode, {[1] = 1, [2^40] = 2})}
return cjson.encode({[0.5] = "half"})
return {pcall(function() local r = cjson.encode_keep_buffer("yes") return r end)}
return {pcall(function() local r = cjson.encode_sparse_array(1.5) return r end)}
return {cjson.encode_sparse_array("on", 3, 4), cjson.encode_sparse_array(false, 2, 10)}
return {cjson.encode_number_precision(1), cjson.encode({123.456, 0.05, 99}), cjson.encode_number_precision(14)}
return {cjson.encode_number_precision("7"), cjson.encode(math.pi), cjson.encode_number_precision(14)}
local c = cjson.new() return {c.encode_max_depth(5), cjson.encode_max_depth()}
return {bit.tobit("0x10"), bit.tobit(" 12 "), bit.band("7", 3), bit.tohex("255", "2")}
return {pcall(bit.tobit, "12abc")}
return {bit.tobit(-0.5), bit.tobit(0.5), bit.tobit(3.5), bit.tobit(-2^31 + 0.5), bit.tobit(2^32 - 0.5)}
return {bit.tohex(0x80000000, -3), bit.tohex(-1, 9), bit.tohex(7, -1)}
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(0/0, -0.0, 2^31, -2^31, 2^32 - 1, 1e20, -1e20, 0.1 + 0.2))
local p = cmsgpack.pack({[1] = "a", [2] = "b", [3] = nil, [4] = "d"}) local t = cmsgpack.unpack(p) return {#p, p:byte(1), t[1], t[2], t[4]}
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack({[true] = 1}))
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(123, "12", {"x"}))
return {pcall(cmsgpack.unpack, "\129\192\192")}
return {pcall(cmsgpack.unpack, "\129\203\127\248\0\0\0\0\0\0\1")}
local t = cmsgpack.unpack("\130\161a\192\161b\1") return {t.a == nil and 1, t.b}
return {pcall(cmsgpack.unpack, {})}
return {pcall(cmsgpack.unpack, 123)}
return {cmsgpack.unpack_one("\1\2", 1)}
return {cmsgpack.unpack_one("\1\2", 2)}
return {pcall(cmsgpack.unpack_limit, "\1\2", "x")}
return {cmsgpack.unpack_limit("\1\2\3", 1.9, 0.9)}
return struct.pack("TT", 1, 2^40)
return {struct.unpack(">T", struct.pack(">T", 123456789))}
return struct.pack("!8bTb", 1, 2, 3)
return struct.pack("!bhbib", 1, 2, 3, 4, 5)
return struct.pack(">!4i3i3", 1, 2)
return {struct.size("!8bTb"), struct.size("!bhbib"), struct.size(">!4i3i3"), struct.size("!b!2h")}
return struct.pack("c", "xyz")
return {struct.unpack("c", "xyz")}
return struct.pack("bHl", 1.5, -1, -2.7)
return struct.pack("I4", 2^32 + 1)
return struct.pack("b", "12")
return {struct.unpack("f", struct.pack("f", 0.1)) == 0.1, struct.unpack("d", struct.pack("d", 0.1)) == 0.1}
return {struct.unpack("<d", "\0\0\0\0\0\0\240\127") == 1/0}
return {struct.unpack("bb", "\1\2\3", 2)}
return {pcall(struct.unpack, "bb", "\1\2\3", 3)}
return {pcall(struct.pack, "!99999999999b", 1)}
return {pcall(struct.pack, 123, 1)}
return struct.pack(12, 5)
local r = struct.pack(12, 5) return r
local function hex(s) local h = "" for i = 1, #s do h = h .. string.format("%02x", string.byte(s, i)) end return h end return hex(cmsgpack.pack(-0.0, 2^31, -2^31, 2^32 - 1, 1e20, -1e20, 0.1 + 0.2))
return {struct.unpack("c0", "\2ab")}
return {struct.unpack("bc0b", "\2abz")}
