"""Reads the Go type descriptors of a Go 1.23 amd64 ELF binary (kubectl) and prints, for every struct
type whose fields carry protobuf tags: package path, type name, and per field: Go name, kind chain
(ptr/slice/map/struct/scalar), json tag, protobuf tag."""
import struct, sys, json
path = sys.argv[1]
data = open(path, 'rb').read()
# section headers
e_shoff, = struct.unpack_from('<Q', data, 0x28)
e_shentsize, e_shnum, e_shstrndx = struct.unpack_from('<HHH', data, 0x3A)
secs = []
for i in range(e_shnum):
    off = e_shoff + i * e_shentsize
    name, typ, flags, addr, offset, size = struct.unpack_from('<IIQQQQ', data, off)
    secs.append([name, addr, offset, size])
shstr = secs[e_shstrndx]
def secname(n):
    s = shstr[2] + n
    return data[s:data.index(b'\0', s)].decode()
S = {secname(s[0]): s for s in secs}
def off_of(addr):
    for _, a, o, sz in secs:
        if a and a <= addr < a + sz:
            return o + (addr - a)
    raise ValueError(hex(addr))
def u8(a): return data[off_of(a)]
def u32(a): return struct.unpack_from('<I', data, off_of(a))[0]
def i32(a): return struct.unpack_from('<i', data, off_of(a))[0]
def u64(a): return struct.unpack_from('<Q', data, off_of(a))[0]
types_base = S['.rodata'][1]
def varint(a):
    v = 0; shift = 0
    while True:
        b = u8(a); a += 1
        v |= (b & 0x7f) << shift; shift += 7
        if not b & 0x80: return v, a
def read_name(a):
    flags = u8(a)
    n, p = varint(a + 1)
    o = off_of(p)
    name = data[o:o + n].decode('utf-8', 'replace')
    tag = ''
    if flags & 2:
        t, q = varint(p + n)
        o2 = off_of(q)
        tag = data[o2:o2 + t].decode('utf-8', 'replace')
    return name, tag, flags
def type_name(t):
    tflag = u8(t + 20)
    off = i32(t + 40)
    n, _, _ = read_name(types_base + off)
    if tflag & 2: n = n[1:]
    return n
KIND = {1:'bool',2:'int',3:'int8',4:'int16',5:'int32',6:'int64',7:'uint',8:'uint8',9:'uint16',10:'uint32',11:'uint64',13:'float32',14:'float64',17:'array',20:'interface',21:'map',22:'ptr',23:'slice',24:'string',25:'struct'}
def kind(t): return u8(t + 23) & 0x1f
def elem(t): return u64(t + 48)
def pkgpath_of_struct(t):
    if not u8(t + 20) & 1: return ''
    off = i32(t + 80)
    return read_name(types_base + off)[0] if off else ''
def describe(t, depth=0):
    k = kind(t)
    kn = KIND.get(k, str(k))
    if k == 22 or k == 23:
        return kn + ':' + describe(elem(t), depth + 1)
    if k == 21:
        return 'map:' + describe(u64(t + 48), depth+1) + '=' + describe(u64(t + 56), depth + 1)
    return kn + '(' + type_name(t) + ')'
seen = set(); out = {}
def walk(t):
    if t in seen or t == 0: return
    seen.add(t)
    k = kind(t)
    if k in (22, 23, 17): walk(elem(t)); return
    if k == 21: walk(u64(t + 48)); walk(u64(t + 56)); return
    if k != 25: return
    fptr = u64(t + 56); flen = u64(t + 64)
    fields = []
    has_pb = False
    for i in range(flen):
        f = fptr + 24 * i
        name, tag, flags = read_name(u64(f))
        ft = u64(f + 8)
        fields.append({'go': name, 'type': describe(ft), 'tag': tag, 'embedded': bool(flags & 8)})
        if 'protobuf:"' in tag: has_pb = True
        walk(ft)
    if has_pb:
        key = pkgpath_of_struct(t) + '.' + type_name(t)
        out[key] = fields
tl = S['.typelink']
for i in range(tl[3] // 4):
    o = struct.unpack_from('<i', data, tl[2] + 4 * i)[0]
    try:
        walk(types_base + o)
    except Exception as ex:
        pass
json.dump(out, sys.stdout, indent=1, sort_keys=True)
