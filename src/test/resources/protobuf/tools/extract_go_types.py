"""Prints, as JSON, the struct types compiled into a Go binary (a Go 1.2x amd64 ELF such as kubectl)
whose fields carry protobuf tags: "<package path>.<type name>" -> its fields, each with the Go name,
the field's type ("ptr:int32(int32)", "struct(v1.ObjectMeta)", ...) and the struct tag.

Go keeps these for reflection even in a stripped binary: the .typelink section lists type descriptors
in .rodata (abi.Type), which lead to every struct type and its fields. Usage:
    python3 extract_go_types.py "$(readlink -f "$(command -v kubectl)")" > go-types.json
"""
import json
import struct
import sys

KINDS = {1: 'bool', 2: 'int', 3: 'int8', 4: 'int16', 5: 'int32', 6: 'int64', 7: 'uint', 8: 'uint8',
         9: 'uint16', 10: 'uint32', 11: 'uint64', 13: 'float32', 14: 'float64', 17: 'array', 20: 'interface',
         21: 'map', 22: 'ptr', 23: 'slice', 24: 'string', 25: 'struct'}
ARRAY, MAP, POINTER, SLICE, STRUCT = 17, 21, 22, 23, 25
TYPE_SIZE = 48  # abi.Type on amd64; the kind-specific part follows


class Binary:
    def __init__(self, path):
        self.data = open(path, 'rb').read()
        section_offset, = struct.unpack_from('<Q', self.data, 0x28)
        entry_size, count, names_index = struct.unpack_from('<HHH', self.data, 0x3A)
        self.sections = []
        for i in range(count):
            name, _, _, address, offset, size = struct.unpack_from('<IIQQQQ', self.data, section_offset + i * entry_size)
            self.sections.append((name, address, offset, size))
        names = self.sections[names_index][2]
        self.by_name = {self.data[names + s[0]:self.data.index(b'\0', names + s[0])].decode(): s for s in self.sections}
        self.types = self.by_name['.rodata'][1]

    def offset(self, address):
        for _, start, offset, size in self.sections:
            if start and start <= address < start + size:
                return offset + address - start
        raise ValueError(hex(address))

    def u8(self, address):
        return self.data[self.offset(address)]

    def i32(self, address):
        return struct.unpack_from('<i', self.data, self.offset(address))[0]

    def u64(self, address):
        return struct.unpack_from('<Q', self.data, self.offset(address))[0]

    def varint(self, address):
        value, shift = 0, 0
        while True:
            byte = self.u8(address)
            address += 1
            value |= (byte & 0x7f) << shift
            shift += 7
            if not byte & 0x80:
                return value, address

    def name(self, address):
        """An abi.Name: flags, varint length, bytes, then (if flagged) varint length and the tag."""
        flags = self.u8(address)
        length, start = self.varint(address + 1)
        text = self.data[self.offset(start):self.offset(start) + length].decode('utf-8', 'replace')
        tag = ''
        if flags & 2:
            tag_length, tag_start = self.varint(start + length)
            tag = self.data[self.offset(tag_start):self.offset(tag_start) + tag_length].decode('utf-8', 'replace')
        return text, tag, flags

    def kind(self, t):
        return self.u8(t + 23) & 0x1f

    def type_name(self, t):
        text = self.name(self.types + self.i32(t + 40))[0]
        return text[1:] if self.u8(t + 20) & 2 else text  # TFlagExtraStar

    def package_path(self, t):
        if not self.u8(t + 20) & 1:  # TFlagUncommon: the uncommon part follows the struct part
            return ''
        offset = self.i32(t + TYPE_SIZE + 32)
        return self.name(self.types + offset)[0] if offset else ''

    def describe(self, t):
        kind = self.kind(t)
        if kind in (POINTER, SLICE):
            return KINDS[kind] + ':' + self.describe(self.u64(t + TYPE_SIZE))
        if kind == MAP:
            return 'map:' + self.describe(self.u64(t + TYPE_SIZE)) + '=' + self.describe(self.u64(t + TYPE_SIZE + 8))
        return KINDS.get(kind, str(kind)) + '(' + self.type_name(t) + ')'


def main():
    binary = Binary(sys.argv[1])
    seen, structs = set(), {}

    def walk(t):
        if t == 0 or t in seen:
            return
        seen.add(t)
        kind = binary.kind(t)
        if kind in (POINTER, SLICE, ARRAY):
            walk(binary.u64(t + TYPE_SIZE))
        elif kind == MAP:
            walk(binary.u64(t + TYPE_SIZE))
            walk(binary.u64(t + TYPE_SIZE + 8))
        elif kind == STRUCT:
            fields_at, count = binary.u64(t + TYPE_SIZE + 8), binary.u64(t + TYPE_SIZE + 16)
            fields = []
            for i in range(count):
                field = fields_at + 24 * i
                name, tag, flags = binary.name(binary.u64(field))
                field_type = binary.u64(field + 8)
                fields.append({'go': name, 'type': binary.describe(field_type), 'tag': tag, 'embedded': bool(flags & 8)})
                walk(field_type)
            if any('protobuf:"' in f['tag'] for f in fields):
                structs[binary.package_path(t) + '.' + binary.type_name(t)] = fields

    _, _, offset, size = binary.by_name['.typelink']
    for i in range(size // 4):
        try:
            walk(binary.types + struct.unpack_from('<i', binary.data, offset + 4 * i)[0])
        except (ValueError, IndexError, struct.error):
            pass  # an offset that is not a type this reader understands
    json.dump(structs, sys.stdout, indent=1, sort_keys=True)


if __name__ == '__main__':
    main()
