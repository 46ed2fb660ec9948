#!/usr/bin/env python3
"""Records sort-redis-7.0.15.txt from a real redis-server (7.0.15): the exact RESP2 reply
of every SORT case below, after the setup lines before it. SortTableTest replays the setup
through io.pyredis.api.Database and the commands through the keys pack.

    redis-server --port 8300 --save '' --appendonly no --daemonize yes
    python3 record-sort-table.py 8300 > sort-redis-7.0.15.txt

File format, one item per line, fields separated by TAB, bytes escaped as \\t \\r \\n \\\\ \\xHH:
    ! cmd arg...     setup, done through the api: flushall, rpush, sadd, zadd, hset, set, pexpire
    > cmd arg...     a command of the keys pack
    < reply          its exact reply (RESP2)
"""
import socket
import sys


def esc(b):
    out = []
    for c in b:
        if c == 0x5c:
            out.append('\\\\')
        elif c == 9:
            out.append('\\t')
        elif c == 10:
            out.append('\\n')
        elif c == 13:
            out.append('\\r')
        elif 32 <= c < 127:
            out.append(chr(c))
        else:
            out.append('\\x%02x' % c)
    return ''.join(out)


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(('127.0.0.1', port))
        self.buf = b''

    def send(self, args):
        parts = [b'*%d\r\n' % len(args)]
        for a in args:
            parts.append(b'$%d\r\n%s\r\n' % (len(a), a))
        self.s.sendall(b''.join(parts))
        return self.read_reply()

    def _fill(self):
        d = self.s.recv(65536)
        if not d:
            raise EOFError
        self.buf += d

    def _line(self, pos):
        while True:
            i = self.buf.find(b'\r\n', pos)
            if i >= 0:
                return i
            self._fill()

    def _end(self, pos):
        """End offset of the reply starting at pos."""
        i = self._line(pos)
        t = self.buf[pos:pos + 1]
        if t in (b'+', b'-', b':'):
            return i + 2
        n = int(self.buf[pos + 1:i])
        if t == b'$':
            if n < 0:
                return i + 2
            while len(self.buf) < i + 2 + n + 2:
                self._fill()
            return i + 2 + n + 2
        if t == b'*':
            p = i + 2
            for _ in range(max(n, 0)):
                p = self._end(p)
            return p
        raise ValueError(self.buf[pos:])

    def read_reply(self):
        end = self._end(0)
        r, self.buf = self.buf[:end], self.buf[end:]
        return r


def b(x):
    return x if isinstance(x, bytes) else x.encode()


def main():
    port = int(sys.argv[1])
    c = Conn(port)
    out = sys.stdout
    out.write('# SORT replies recorded from redis-server 7.0.15 by record-sort-table.py\n')

    def setup(*args):
        args = [b(a) for a in args]
        r = c.send(args)
        assert not r.startswith(b'-'), r
        out.write('!\t' + '\t'.join(esc(a) for a in args) + '\n')

    def cmd(*args):
        args = [b(a) for a in args]
        # sort.c reads errno after strtod without clearing it first, so one ERANGE fails every
        # later SORT until some other code clears errno. ZADD's score parsing (string2d) does:
        # each case is recorded as it runs with a clean errno.
        assert c.send([b'zadd', b'__errno_reset', b'1', b'x']) == b':1\r\n'
        assert c.send([b'del', b'__errno_reset']) == b':1\r\n'
        r = c.send(args)
        out.write('>\t' + '\t'.join(esc(a) for a in args) + '\n')
        out.write('<\t' + esc(r) + '\n')

    setup('flushall')
    # Numbers as strtod reads them.
    setup('rpush', 'nums', '3', '1', '2', '10', '-5', '2.5', '1e2', '0x10', ' 4', '+7', '.5', '1.', '-inf',
          'inf', '', '0x1p-1074')
    cmd('sort', 'nums')
    cmd('sort', 'nums', 'desc')
    cmd('sort', 'nums', 'alpha')
    cmd('sort', 'nums', 'alpha', 'desc')
    for start, count in [('0', '3'), ('2', '2'), ('-1', '2'), ('1', '-1'), ('1', '-7'), ('1', '0'), ('100', '2'),
                         ('16', '5'), ('17', '1'), ('0', '100'), ('1', '9223372036854775807'),
                         ('9223372036854775807', '9223372036854775807'), ('-9223372036854775808', '3')]:
        cmd('sort', 'nums', 'limit', start, count)
        cmd('sort', 'nums', 'limit', start, count, 'desc')
    cmd('sort', 'nums', 'limit', 'x', '1')
    cmd('sort', 'nums', 'limit', '1', '1.5')
    cmd('sort', 'nums', 'limit', '1')
    cmd('sort', 'nums', 'limit', '0', '1', 'limit', '2', '1')
    cmd('sort', 'nums', 'asc', 'desc')
    cmd('sort', 'nums', 'desc', 'asc')
    cmd('SoRt', 'nums', 'DeSc', 'LiMiT', '0', '2')
    cmd('sort', 'nums', 'bogus')
    cmd('sort', 'nums', 'store')
    cmd('sort', 'nums', 'get')
    cmd('sort', 'nums', 'by')
    for v in ['1e-310', '2.2250738585072011e-308', '1e999', 'nan', '1 ', '  ', '0x', '1e', '.', '1e+', 'abc',
              '-nan', 'infinity', '-Infinity', 'INF', '0e-400', '0x1p-1074', '0x1.8p1', '1e-400', '2.2250738585072014e-308',
              '\t 7', '7\x00junk', '\x00', '1_000']:
        setup('del', 'one')
        setup('rpush', 'one', v, '5')
        cmd('sort', 'one')
    # Equal scores fall back to the bytes; DESC negates that too.
    setup('rpush', 'eq', '1.0', '1', '01', '+1', '1e0', '0', '-0', '0.0')
    cmd('sort', 'eq')
    cmd('sort', 'eq', 'desc')
    cmd('sort', 'eq', 'limit', '2', '3')

    # ALPHA: byte order, and strcmp (up to a NUL) unless STORE.
    setup('rpush', 'words', 'banana', 'apple', 'Cherry', 'apple2', '', 'zoo', 'a\x00b', 'a\x00a', 'a',
          b'\xc3\xa9', b'\xff', 'A', '_', '10', '9')
    cmd('sort', 'words')
    cmd('sort', 'words', 'alpha')
    cmd('sort', 'words', 'alpha', 'desc')
    cmd('sort', 'words', 'alpha', 'limit', '3', '4')
    cmd('sort', 'words', 'alpha', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('sort', 'words', 'alpha', 'desc', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('type', 'dst')

    # Sets (intset and listpack); sorted results do not depend on the set's own order.
    setup('sadd', 's', '5', '3', '9', '1', '-2')
    cmd('sort', 's')
    cmd('sort', 's', 'desc')
    cmd('sort', 's', 'alpha')
    cmd('sort', 's', 'limit', '1', '2')
    cmd('sort', 's', 'by', 'nosort', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('sort', 's', 'by', 'nosort', 'desc', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('sort', 's', 'by', 'nosort', 'limit', '1', '2', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    setup('sadd', 'sw', 'pear', 'fig', 'kiwi', 'Apple')
    cmd('sort', 'sw')
    cmd('sort', 'sw', 'alpha')
    cmd('sort', 'sw', 'alpha', 'desc', 'limit', '0', '2')

    # Sorted sets: members sorted by value; BY nosort keeps the score order, LIMIT on ranks.
    setup('zadd', 'zn', '1', '30', '2', '10', '3', '20', '4', '5', '5', '100')
    cmd('sort', 'zn')
    cmd('sort', 'zn', 'desc')
    cmd('sort', 'zn', 'alpha')
    cmd('sort', 'zn', 'by', 'nosort')
    cmd('sort', 'zn', 'by', 'nosort', 'desc')
    for start, count in [('1', '2'), ('0', '1'), ('3', '10'), ('4', '1'), ('5', '1'), ('-3', '2'), ('2', '0'),
                         ('2', '-1')]:
        cmd('sort', 'zn', 'by', 'nosort', 'limit', start, count)
        cmd('sort', 'zn', 'by', 'nosort', 'desc', 'limit', start, count)
    cmd('sort', 'zn', 'by', 'nosort', 'limit', '1', '3', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    setup('zadd', 'zw', '3', 'c', '1', 'b', '2', 'a')
    cmd('sort', 'zw')
    cmd('sort', 'zw', 'alpha')
    cmd('sort', 'zw', 'by', 'nosort', 'get', '#')

    # Lists keep their order with BY nosort, DESC reverses it, LIMIT on positions.
    setup('rpush', 'ids', '3', '1', '5', '2', '4')
    cmd('sort', 'ids', 'by', 'nosort')
    cmd('sort', 'ids', 'by', 'nosort', 'desc')
    for start, count in [('1', '2'), ('0', '0'), ('3', '10'), ('4', '1'), ('5', '1'), ('-3', '2'), ('2', '-1')]:
        cmd('sort', 'ids', 'by', 'nosort', 'limit', start, count)
        cmd('sort', 'ids', 'by', 'nosort', 'desc', 'limit', start, count)
    cmd('sort', 'ids', 'by', '#')
    cmd('sort', 'ids', 'by', 'w_\x00*')
    cmd('sort', 'ids', 'by', 'nosort', 'by', 'w_*')
    cmd('sort', 'ids', 'by', 'w_*', 'by', 'nosort')

    # BY and GET patterns: strings, hash fields, #, missing keys, wrong types.
    setup('set', 'w_1', '50')
    setup('set', 'w_2', '10')
    setup('set', 'w_3', '30')
    setup('set', 'w_5', '-1')
    setup('set', 'o_1', 'one')
    setup('set', 'o_3', 'three')
    setup('set', 'o_4', '')
    setup('hset', 'h_1', 'name', 'uno', 'rank', '9')
    setup('hset', 'h_2', 'name', 'dos', 'rank', '7')
    setup('hset', 'h_3', 'name', 'tres', 'rank', '8')
    setup('hset', 'h_5', 'rank', 'x')
    setup('hset', 'h_4', 'rank', '8')
    setup('rpush', 'o_5', 'a list')
    cmd('sort', 'ids', 'by', 'w_*')
    cmd('sort', 'ids', 'by', 'w_*', 'desc')
    cmd('sort', 'ids', 'by', 'w_*', 'alpha')
    cmd('sort', 'ids', 'by', 'w_*', 'alpha', 'desc')
    cmd('sort', 'ids', 'by', 'w_*', 'limit', '1', '2')
    cmd('sort', 'ids', 'by', 'w_*', 'limit', '0', '1')
    cmd('sort', 'ids', 'by', 'w_*', 'get', '#')
    cmd('sort', 'ids', 'by', 'w_*', 'get', 'o_*')
    cmd('sort', 'ids', 'by', 'w_*', 'get', 'o_*', 'get', '#', 'get', 'w_*', 'get', 'h_*->name')
    cmd('sort', 'ids', 'get', 'h_*->name')
    cmd('sort', 'ids', 'get', 'h_*->nofield')
    cmd('sort', 'ids', 'get', 'h_*->')
    cmd('sort', 'ids', 'get', 'w_*->name')
    cmd('sort', 'ids', 'get', 'nostar')
    cmd('sort', 'ids', 'get', '#x')
    cmd('sort', 'ids', 'get', '##')
    cmd('sort', 'ids', 'get', '#\x00x')
    cmd('sort', 'ids', 'get', 'o_\x00*')
    cmd('sort', 'ids', 'get', 'h_*\x00->name')
    cmd('sort', 'ids', 'get', 'h_*->\x00name')
    cmd('sort', 'ids', 'get', '*')
    cmd('sort', 'ids', 'get', 'o_**')
    cmd('sort', 'ids', 'by', 'h_*->rank')
    cmd('sort', 'ids', 'by', 'h_*->rank', 'alpha')
    cmd('sort', 'ids', 'by', 'h_*->name', 'alpha', 'get', 'h_*->name')
    cmd('sort', 'ids', 'by', 'h_*->name', 'alpha', 'desc', 'get', 'h_*->name', 'get', '#')
    cmd('sort', 'ids', 'by', 'h_*->name', 'alpha', 'limit', '1', '3')
    cmd('sort', 'ids', 'by', 'o_*', 'alpha')
    cmd('sort', 'ids', 'by', 'o_*')
    cmd('sort', 'ids', 'by', 'missing_*')
    cmd('sort', 'ids', 'by', 'missing_*', 'desc')
    cmd('sort', 'ids', 'by', 'nosort', 'get', 'o_*', 'get', 'h_*->rank')
    cmd('sort', 'ids', 'by', 'w_*', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('sort', 'ids', 'by', 'w_*', 'get', 'o_*', 'get', '#', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('sort', 'ids', 'by', 'w_*', 'get', 'o_*', 'limit', '1', '2', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('sort_ro', 'ids', 'by', 'w_*', 'get', 'o_*', 'get', '#')
    cmd('sort_ro', 'ids', 'by', 'w_*', 'store', 'dst')
    cmd('sort_ro', 'ids', 'alpha', 'desc', 'limit', '0', '3')

    # Ties under ALPHA BY: stable without LIMIT, Redis's partial quicksort with one.
    letters = [chr(ord('a') + i) for i in range(26)]
    setup('rpush', 't', *letters[:11])
    cmd('sort', 't', 'by', 'missing_*', 'alpha')
    cmd('sort', 't', 'by', 'missing_*', 'alpha', 'desc')
    for start, count in [('2', '3'), ('0', '1'), ('5', '6'), ('8', '10')]:
        cmd('sort', 't', 'by', 'missing_*', 'alpha', 'limit', start, count)
        cmd('sort', 't', 'by', 'missing_*', 'alpha', 'desc', 'limit', start, count)
    setup('rpush', 't6', *letters[:6])
    cmd('sort', 't6', 'by', 'missing_*', 'alpha', 'limit', '1', '2')
    big = ['e%02d' % i for i in range(60)]
    setup('rpush', 'big', *big)
    for i in range(60):
        setup('set', 'g_e%02d' % i, 'wxyz'[(i * 7) % 4])
    cmd('sort', 'big', 'by', 'g_*', 'alpha')
    for start, count in [('0', '5'), ('10', '7'), ('40', '15'), ('57', '10'), ('29', '2')]:
        cmd('sort', 'big', 'by', 'g_*', 'alpha', 'limit', start, count)
        cmd('sort', 'big', 'by', 'g_*', 'alpha', 'desc', 'limit', start, count)
    cmd('sort', 'big', 'by', 'g_*', 'limit', '3', '6')
    cmd('sort', 'big', 'by', 'g_*', 'alpha', 'limit', '3', '6', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    # A NUL ends the compared text under ALPHA BY without STORE.
    setup('rpush', 'nb', '1', '2', '3')
    setup('set', 'n_1', 'k\x00b')
    setup('set', 'n_2', 'k\x00a')
    setup('set', 'n_3', 'k')
    cmd('sort', 'nb', 'by', 'n_*', 'alpha')
    cmd('sort', 'nb', 'by', 'n_*', 'alpha', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    # A larger list: numeric order, partial ranges.
    setup('rpush', 'long', *[str((i * 37) % 211 - 100) for i in range(211)])
    cmd('sort', 'long', 'limit', '0', '10')
    cmd('sort', 'long', 'desc', 'limit', '100', '5')
    cmd('sort', 'long', 'by', 'nosort', 'desc', 'limit', '200', '20')

    # Past the compact encodings: hashtable set and hash, skiplist zset, quicklist list.
    setup('sadd', 'bigset', *['m%03d' % ((i * 53) % 300) for i in range(300)])
    cmd('sort', 'bigset', 'alpha', 'limit', '100', '5')
    cmd('sort', 'bigset', 'alpha', 'desc', 'limit', '0', '3')
    setup('hset', 'bh', *[x for i in range(600) for x in ('f%03d' % i, 'v%d' % (i * 3))])
    setup('rpush', 'hl', 'bh', 'nohash', 'w_1')
    cmd('sort', 'hl', 'by', 'nosort', 'get', '*->f150', 'get', '*->f999', 'get', '#')
    cmd('sort', 'hl', 'by', '*->f007', 'get', '#')
    setup('zadd', 'bz', *[x for i in range(200) for x in (str(i), str((i * 7) % 200))])
    cmd('sort', 'bz', 'by', 'nosort', 'limit', '150', '5')
    cmd('sort', 'bz', 'by', 'nosort', 'desc', 'limit', '10', '3')
    cmd('sort', 'bz', 'limit', '0', '5')
    cmd('sort', 'bz', 'desc', 'limit', '0', '5')
    setup('rpush', 'huge', *['element-%012d' % ((i * 389) % 1000) for i in range(1000)])
    cmd('sort', 'huge', 'alpha', 'limit', '500', '3')
    cmd('sort', 'huge', 'by', 'nosort', 'desc', 'limit', '10', '2')
    cmd('sort', 'huge', 'by', 'nosort', 'limit', '998', '5')
    cmd('sort', 'huge', 'alpha', 'desc', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort', 'limit', '0', '2')

    # Errors and the empty cases.
    setup('set', 'str', 'x')
    setup('hset', 'hk', 'f', 'v')
    cmd('sort', 'str')
    cmd('sort', 'hk')
    cmd('sort_ro', 'str')
    cmd('sort', 'str', 'limit', 'x', '1')
    cmd('sort', 'str', 'foo')
    cmd('sort', 'missing')
    cmd('sort', 'missing', 'by', 'nosort', 'limit', '1', '2')
    cmd('sort', 'missing', 'get', '#', 'get', 'o_*')
    cmd('sort', 'missing', 'limit', '5', '5')
    cmd('sort', 'words', 'by', 'w_*')
    cmd('sort', 'words', 'store', 'dst')
    cmd('sort', 'dst', 'by', 'nosort')
    cmd('sort', 'missing', 'store', 'dst')
    cmd('exists', 'dst')
    setup('set', 'dst', 'old')
    setup('pexpire', 'dst', '100000')
    cmd('sort', 'ids', 'limit', '0', '0', 'store', 'dst')
    cmd('exists', 'dst')
    setup('set', 'dst', 'old')
    setup('pexpire', 'dst', '100000')
    cmd('sort', 'ids', 'store', 'dst')
    cmd('ttl', 'dst')
    cmd('type', 'dst')
    cmd('sort', 'ids', 'store', 'ids')
    cmd('sort', 'ids', 'by', 'nosort')
    cmd('sort', 'ids', 'store', 'a', 'store', 'b')
    cmd('exists', 'a', 'b')


main()
