#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# dynamic-list.py NM MODULE OUTPUT
#
# Writes the linker's dynamic list (ld --dynamic-list) of a program that
# loads the team-mode module: the program exports only what the module
# calls in it, read from the module's dynamic symbols, and not the whole
# core (some 1,350 symbols, their tables resident in every process).
#
# - Every ls_ symbol the module refers to, and those it defines as well
#   (the enum types it is built with): the program's must be the ones
#   both use, or a type would be registered twice.
# - Every ls_*_get_type, for GtkBuilder: a .ui file may name a type not
#   yet registered, which it looks up by the name of that function.

import subprocess
import sys


def main():
    nm, module, output = sys.argv[1:]
    listed = subprocess.run([nm, '--dynamic', '--format=posix', module],
                            check=True, capture_output=True,
                            text=True).stdout
    names = sorted({line.split()[0] for line in listed.splitlines()
                    if line.startswith('ls_')})
    if not names:
        sys.exit(f'{module}: no ls_ symbols, is it the module?')
    with open(output, 'w', encoding='utf-8') as out:
        out.write('{\n')
        for name in names:
            out.write(f'  {name};\n')
        out.write('  ls_*_get_type;\n};\n')


if __name__ == '__main__':
    main()
