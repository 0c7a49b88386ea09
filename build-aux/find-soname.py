#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# find-soname.py NAME DIR...
#
# Prints the SONAME of the shared library libNAME.so found first in the
# DIRs, read from its ELF dynamic section (the name the dynamic linker
# opens it by), and exits 1 with a reason on stderr when there is none.
# The app opens poppler-glib by this name at run time, so it must be the
# one of the library it was built against.

import os
import struct
import sys

DT_NULL = 0
DT_SONAME = 14
SHT_DYNAMIC = 6


def read_soname(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'\x7fELF':
        raise ValueError('not an ELF file')
    is_64 = data[4] == 2
    endian = '<' if data[5] == 1 else '>'
    if is_64:
        shoff, = struct.unpack_from(endian + 'Q', data, 0x28)
        shentsize, shnum = struct.unpack_from(endian + 'HH', data, 0x3A)
        section = endian + 'IIQQQQIIQQ'
        entry = endian + 'qQ'
    else:
        shoff, = struct.unpack_from(endian + 'I', data, 0x20)
        shentsize, shnum = struct.unpack_from(endian + 'HH', data, 0x2E)
        section = endian + 'IIIIIIIIII'
        entry = endian + 'iI'
    sections = [struct.unpack_from(section, data, shoff + i * shentsize)
                for i in range(shnum)]
    for _, sh_type, _, _, offset, size, link, _, _, entsize in sections:
        if sh_type != SHT_DYNAMIC:
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, entsize):
            tag, value = struct.unpack_from(entry, data, pos)
            if tag == DT_NULL:
                break
            if tag == DT_SONAME:
                end = data.index(b'\0', strtab + value)
                return data[strtab + value:end].decode()
    raise ValueError('no SONAME in its dynamic section')


def main():
    if len(sys.argv) < 3:
        sys.exit('usage: find-soname.py NAME DIR...')
    name = 'lib' + sys.argv[1] + '.so'
    for directory in sys.argv[2:]:
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            continue
        try:
            print(read_soname(os.path.realpath(path)))
            return
        except (OSError, ValueError, struct.error, IndexError) as error:
            sys.exit('%s: %s' % (path, error))
    sys.exit('%s is in none of %s' % (name, ', '.join(sys.argv[2:])))


main()
