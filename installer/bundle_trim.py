"""Shrink the Linux PyInstaller bundle: used by installer/diversity_assistant.spec at build time.

Three independent steps on PyInstaller's table of binaries (``analysis.binaries``: tuples of
destination name, source path and type code); each returns a new table and leaves the inputs
alone, writing any changed file under a work folder:

- :func:`strip_binaries` copies each binary that carries debug information or a static symbol
  table (``.debug_*``, ``.symtab``) to the work folder, strips the copy with binutils'
  ``strip --strip-unneeded`` and points the table at the copy. The dynamic symbol table
  (``.dynsym``), which the dynamic linker and ``dlsym`` use, is never touched. Libraries repaired by
  auditwheel (numpy's ``numpy.libs`` and the extension modules that link to them) are left
  alone: their layout, rewritten by patchelf, does not survive ``strip``. Every stripped copy is
  also checked to still map like an ELF file should, else the original is kept.
- :func:`prune_unreachable_libraries` drops shared libraries no kept binary needs any more
  (``DT_NEEDED``, transitively), e.g. the GTK, cairo and Wayland libraries PyInstaller collected
  for Qt plugins the spec then excludes.
- :func:`subset_icu_library` rebuilds ``libicudata.so.NN`` (ICU's data as one 32 MB symbol,
  shipped by the Linux Qt wheels) holding only the items Qt can use for the app's languages.

Pure Python besides ``strip``, ``as`` and ``ld`` from binutils; the ELF and ICU readers are tested
in tests/test_installer_trim.py.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

TocEntry = tuple[str, str, str]  # (destination in the bundle, source path, PyInstaller type code)

SHT_SYMTAB, SHT_DYNAMIC, SHT_NOBITS, SHT_DYNSYM = 2, 6, 8, 11
PT_LOAD = 1
DT_NEEDED, DT_SONAME = 1, 14


@dataclass(frozen=True)
class Section:
    name: str
    type: int
    offset: int
    size: int  # bytes in the file (0 for SHT_NOBITS)
    address: int
    link: int


@dataclass(frozen=True)
class ElfFile:
    """What the trimming needs from an ELF file's headers."""

    path: Path
    sections: tuple[Section, ...]
    loads: tuple[tuple[int, int, int], ...]  # PT_LOAD segments: (file offset, address, alignment)
    needed: tuple[str, ...] = ()
    soname: str | None = None
    is_64: bool = True
    byte_order: str = "<"
    section_names: frozenset[str] = field(default=frozenset())

    @property
    def debug_bytes(self) -> int:
        """Bytes of DWARF debug information (.debug_*, and compressed .zdebug_*)."""
        return sum(s.size for s in self.sections if s.name.startswith((".debug_", ".zdebug_")))

    @property
    def strippable_bytes(self) -> int:
        """Debug information plus the static symbol table and its strings."""
        symtab = [s for s in self.sections if s.type == SHT_SYMTAB]
        strtabs = {s.link for s in symtab}
        extra = sum(s.size for s in symtab) + sum(
            self.sections[i].size for i in strtabs if 0 < i < len(self.sections)
        )
        return self.debug_bytes + extra

    def loads_aligned(self) -> bool:
        """Every loadable segment maps: file offset and address agree modulo its alignment."""
        return bool(self.loads) and all(
            align <= 1 or offset % align == address % align for offset, address, align in self.loads
        )


def _cstring(blob: bytes, at: int) -> str:
    end = blob.find(b"\0", at)
    return blob[at : end if end >= 0 else len(blob)].decode("utf-8", "replace")


def _segments(read: Callable[[int, int], bytes], is_64: bool, order: str, header: bytes):
    """PT_LOAD program headers as (file offset, address, alignment)."""
    if is_64:
        (phoff,) = struct.unpack_from(order + "Q", header, 0x20)
        phentsize, phnum = struct.unpack_from(order + "HH", header, 0x36)
        layout = struct.Struct(order + "IIQQQQQQ")  # type, flags, offset, vaddr, ..., align
    else:
        (phoff,) = struct.unpack_from(order + "I", header, 0x1C)
        phentsize, phnum = struct.unpack_from(order + "HH", header, 0x2A)
        layout = struct.Struct(order + "IIIIIIII")  # type, offset, vaddr, ..., flags, align
    table = read(phoff, phentsize * phnum)
    loads = []
    for at in range(0, len(table) - layout.size + 1, phentsize or layout.size):
        fields = layout.unpack_from(table, at)
        offset, address = (fields[2], fields[3]) if is_64 else (fields[1], fields[2])
        if fields[0] == PT_LOAD:
            loads.append((offset, address, fields[-1]))
    return tuple(loads)


def _sections(read: Callable[[int, int], bytes], is_64: bool, order: str, header: bytes):
    if is_64:
        (shoff,) = struct.unpack_from(order + "Q", header, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", header, 0x3A)
        layout = struct.Struct(order + "IIQQQQI")  # name, type, flags, addr, offset, size, link
    else:
        (shoff,) = struct.unpack_from(order + "I", header, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", header, 0x2E)
        layout = struct.Struct(order + "IIIIIII")
    table = read(shoff, shentsize * shnum) if shoff and shnum else b""
    raw = [
        layout.unpack_from(table, at)
        for at in range(0, len(table) - layout.size + 1, shentsize or layout.size)
    ]
    names = read(raw[shstrndx][4], raw[shstrndx][5]) if shstrndx < len(raw) else b""
    return tuple(
        Section(_cstring(names, name), typ, offset, 0 if typ == SHT_NOBITS else size, addr, link)
        for name, typ, _flags, addr, offset, size, link in raw
    )


def _dynamic(
    read: Callable[[int, int], bytes], is_64: bool, order: str, sections: tuple[Section, ...]
) -> tuple[tuple[str, ...], str | None]:
    """DT_NEEDED names and DT_SONAME from the .dynamic section."""
    needed, soname = [], None
    entry = struct.Struct(order + ("qQ" if is_64 else "iI"))
    for section in sections:
        if section.type != SHT_DYNAMIC or not 0 < section.link < len(sections):
            continue
        strings = sections[section.link]
        text = read(strings.offset, strings.size)
        dynamic = read(section.offset, section.size)
        for at in range(0, len(dynamic) - entry.size + 1, entry.size):
            tag, value = entry.unpack_from(dynamic, at)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                needed.append(_cstring(text, value))
            elif tag == DT_SONAME:
                soname = _cstring(text, value)
    return tuple(needed), soname


def read_elf(path: str | Path) -> ElfFile | None:
    """The section table, loadable segments, DT_NEEDED and DT_SONAME of an ELF file; None when
    ``path`` is not ELF. Reads the headers, not the whole file."""
    path = Path(path)
    with path.open("rb") as handle:
        header = handle.read(64)
        if len(header) < 52 or header[:4] != b"\x7fELF" or header[4] not in (1, 2):
            return None
        is_64, order = header[4] == 2, "<" if header[5] == 1 else ">"
        if is_64 and len(header) < 64:
            return None

        def read(offset: int, size: int) -> bytes:
            handle.seek(offset)
            return handle.read(size)

        loads = _segments(read, is_64, order, header)
        sections = _sections(read, is_64, order, header)
        needed, soname = _dynamic(read, is_64, order, sections)
    return ElfFile(
        path,
        sections,
        loads,
        needed,
        soname,
        is_64,
        order,
        frozenset(s.name for s in sections),
    )


def dynamic_symbol(path: str | Path, name: str) -> bytes | None:
    """The bytes of exported data symbol ``name`` (from .dynsym), or None if not there."""
    elf = read_elf(path)
    if elf is None:
        return None
    with Path(path).open("rb") as handle:
        blob = handle.read()
    for section in elf.sections:
        if section.type != SHT_DYNSYM:
            continue
        strings = elf.sections[section.link]
        text = blob[strings.offset : strings.offset + strings.size]
        layout = struct.Struct(elf.byte_order + ("IBBHQQ" if elf.is_64 else "IIIBBH"))
        for at in range(section.offset, section.offset + section.size, layout.size):
            fields = layout.unpack_from(blob, at)
            if elf.is_64:
                st_name, _info, _other, shndx, value, size = fields
            else:
                st_name, value, size, _info, _other, shndx = fields
            if _cstring(text, st_name) != name or not 0 < shndx < len(elf.sections):
                continue
            home = elf.sections[shndx]
            start = home.offset + value - home.address
            return blob[start : start + size]
    return None


# --- stripping ----------------------------------------------------------------------------------


def auditwheel_repaired(destination: str, destinations: Iterable[str]) -> bool:
    """True for files auditwheel moved into ``<pkg>.libs/`` and for the files of ``<pkg>`` (whose
    RPATH patchelf rewrote to point there): numpy.libs and numpy/, for instance."""
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    if len(parts) < 2:
        return False
    if parts[0].endswith(".libs"):
        return True
    repaired = {
        PurePosixPath(d.replace("\\", "/")).parts[0][: -len(".libs")]
        for d in destinations
        if PurePosixPath(d.replace("\\", "/")).parts[0].endswith(".libs")
    }
    return parts[0] in repaired


@dataclass(frozen=True)
class StripReport:
    stripped: tuple[tuple[str, int, int], ...]  # (destination, bytes before, bytes after)
    skipped: tuple[tuple[str, str], ...]  # (destination, why)

    @property
    def saved(self) -> int:
        return sum(before - after for _, before, after in self.stripped)


def strip_binaries(
    binaries: Sequence[TocEntry], work: Path, strip: str = "strip"
) -> tuple[list[TocEntry], StripReport]:
    """Point every strippable binary at a stripped copy under ``work`` (see the module doc)."""
    destinations = [entry[0] for entry in binaries]
    result: list[TocEntry] = []
    stripped, skipped = [], []
    for destination, source, typecode in binaries:
        elf = read_elf(source) if Path(source).is_file() else None
        if elf is None or not elf.strippable_bytes:
            result.append((destination, source, typecode))
            continue
        if auditwheel_repaired(destination, destinations):
            skipped.append((destination, "repaired by auditwheel"))
            result.append((destination, source, typecode))
            continue
        target = work / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        run = subprocess.run(
            [strip, "--strip-unneeded", "-o", str(target), source],
            capture_output=True,
            text=True,
            check=False,
        )
        after = read_elf(target) if run.returncode == 0 and target.is_file() else None
        if (
            after is None
            or not after.loads_aligned()
            or len(after.loads) != len(elf.loads)
            or after.needed != elf.needed
            or after.soname != elf.soname
            or (".dynsym" in elf.section_names and ".dynsym" not in after.section_names)
        ):
            skipped.append((destination, f"strip failed or damaged it: {run.stderr.strip()}"))
            result.append((destination, source, typecode))
            continue
        shutil.copymode(source, target)
        stripped.append((destination, Path(source).stat().st_size, target.stat().st_size))
        result.append((destination, str(target), typecode))
    return result, StripReport(tuple(stripped), tuple(skipped))


# --- unreachable libraries ----------------------------------------------------------------------


def prune_unreachable_libraries(
    binaries: Sequence[TocEntry], is_root: Callable[[TocEntry], bool]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Keep the roots (binaries loaded by Python or Qt themselves: extension modules, plugins,
    libpython) and every library they need, transitively, by DT_NEEDED name (matched against a
    collected file's name or soname); return (kept, dropped)."""
    by_name: dict[str, list[int]] = {}
    needed: list[tuple[str, ...]] = []
    for index, (destination, source, _) in enumerate(binaries):
        elf = read_elf(source) if Path(source).is_file() else None
        needed.append(elf.needed if elf else ())
        names = {PurePosixPath(destination.replace("\\", "/")).name}
        if elf and elf.soname:
            names.add(elf.soname)
        for name in names:
            by_name.setdefault(name, []).append(index)
    reached: set[int] = set()
    todo = [i for i, entry in enumerate(binaries) if is_root(entry)]
    while todo:
        index = todo.pop()
        if index in reached:
            continue
        reached.add(index)
        for name in needed[index]:
            todo.extend(by_name.get(name, ()))
    kept = [entry for i, entry in enumerate(binaries) if i in reached]
    dropped = [entry for i, entry in enumerate(binaries) if i not in reached]
    return kept, dropped


# --- ICU data -----------------------------------------------------------------------------------

# A locale bundle's name: a language (or root), then optional script/region/variant parts.
_ICU_LOCALE = re.compile(r"(?:root|[a-z]{2,3})(?:_[A-Za-z0-9]*)*")
# Conversion tables kept: Western-European code pages. UTF-8/16/32, ASCII and Latin-1 are
# algorithmic in ICU and need no table; everything else (CJK, EBCDIC, ...) goes.
ICU_KEPT_CONVERTERS = frozenset({"ibm-5348_P100-1997", "ibm-923_P100-1998"})  # cp1252, 8859-15


def keep_icu_item(name: str, languages: Iterable[str]) -> bool:
    """Whether Qt may need ICU data item ``name`` (e.g. ``icudt73l/coll/nl.res``) for
    ``languages``. QtCore 6 imports only ucol_* (QCollator, localeAwareCompare: ``coll/``),
    ucal_* (time-zone names: ``zone/``, metaZones, zoneinfo64, timezoneTypes), u_strToUpper/Lower
    and ucnv_* (QStringConverter by name: ``cnvalias.icu`` and the tables) from ICU; QLocale's
    formats come from Qt's own CLDR tables. Dropped: locale bundles of other languages (their
    users get the root fallback: English time-zone names, root collation), break iteration
    (``brkitr/``, with its 3 MB of Thai/Lao/Khmer/Burmese/CJK dictionaries; Qt has its own),
    transliteration (``translit/``), measure units (``unit/``), StringPrep profiles (``*.spp``),
    character names (``unames.icu``), spoof detection (``confusables.cfu``) and all code pages but
    cp1252 and ISO 8859-15 (UTF-*, ASCII and Latin-1 need no table). The trees Qt never reaches
    but ICU's date formatting might (lang/, region/, curr/, rbnf/) keep the app's languages."""
    languages = set(languages)
    path = name.split("/", 1)[1] if "/" in name else name
    *tree, leaf = path.split("/")
    stem, _, extension = leaf.rpartition(".")
    if extension == "cnv":
        return stem in ICU_KEPT_CONVERTERS
    if extension == "spp" or tree[:1] in (["translit"], ["brkitr"], ["unit"]):
        return False
    if leaf in ("unames.icu", "confusables.cfu"):
        return False
    if extension == "res" and stem not in ("pool", "res_index") and _ICU_LOCALE.fullmatch(stem):
        language = stem.split("_", 1)[0]
        return language == "root" or language in languages
    return True


def read_icu_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common data package (the ``icudtNNl.dat`` format, little-endian) into its
    header and (name, bytes) items; an item's bytes run to the next item (padding included)."""
    if len(blob) < 32 or blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    header_size = struct.unpack_from("<H", blob, 0)[0]
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(blob) - header_size
        items.append(
            (
                _cstring(blob, header_size + name_offset),
                blob[header_size + data_offset : header_size + end],
            )
        )
    return blob[:header_size], items


def write_icu_package(header: bytes, items: Sequence[tuple[str, bytes]]) -> bytes:
    """The inverse of :func:`read_icu_package`: table of contents sorted by name (ICU looks
    items up by binary search), each item 16-byte aligned, padded with 0xaa like icupkg."""
    items = sorted(items, key=lambda item: item[0].encode())
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items) + len(names)
    first = -(-(len(header) + toc_size) // 16) * 16 - len(header)  # offsets count from the TOC
    entries, data, name_at, data_at = [], [], 4 + 8 * len(items), first
    for name, payload in items:
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(name.encode()) + 1
        padded = payload + b"\xaa" * (-len(payload) % 16)
        data.append(padded)
        data_at += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + toc + b"\xaa" * (first - toc_size) + b"".join(data)


def subset_icu_package(blob: bytes, languages: Iterable[str]) -> bytes:
    languages = tuple(languages)
    header, items = read_icu_package(blob)
    return write_icu_package(header, [i for i in items if keep_icu_item(i[0], languages)])


def subset_icu_library(
    library: Path,
    work: Path,
    languages: Iterable[str],
    assembler: str = "as",
    linker: str = "ld",
) -> Path:
    """Build a ``libicudata.so.NN`` like ``library`` (same soname, same exported symbol
    ``icudtNN_dat``) holding only the items :func:`keep_icu_item` keeps; return its path."""
    match = re.fullmatch(r"libicudata\.so\.(\d+)", library.name)
    if not match:
        raise ValueError(f"not an ICU data library: {library}")
    symbol = f"icudt{match.group(1)}_dat"
    blob = dynamic_symbol(library, symbol)
    if blob is None:
        raise ValueError(f"{library} exports no {symbol}")
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"icudt{match.group(1)}l.dat"
    data.write_bytes(subset_icu_package(blob, languages))
    source = work / "icudata.s"
    source.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, STT_OBJECT\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{data.name}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",%progbits\n'
    )
    obj, out = work / "icudata.o", work / library.name
    subprocess.run([assembler, "-o", obj.name, source.name], cwd=work, check=True)
    subprocess.run(
        [linker, "-shared", "-soname", library.name, "-z", "noexecstack", "-o", out.name, obj.name],
        cwd=work,
        check=True,
    )
    if dynamic_symbol(out, symbol) != data.read_bytes():
        raise RuntimeError(f"{out} does not export the subset ICU data as {symbol}")
    return out
