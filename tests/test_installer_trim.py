"""installer/bundle_trim.py (the Linux bundle's stripping, pruning and ICU subsetting) and the
assumptions the spec's exclusions rest on."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bundle_trim", ROOT / "installer" / "bundle_trim.py")
assert _spec
assert _spec.loader
bundle_trim = importlib.util.module_from_spec(_spec)
sys.modules["bundle_trim"] = bundle_trim  # dataclasses look their module up
_spec.loader.exec_module(bundle_trim)

# The ELF bundle is built on Linux only. There these tests fail (not skip) without binutils (as,
# ld, strip), which tests/setup-system.sh installs.
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the ELF bundle is built on Linux only"
)


def _shared_library(folder: Path, name: str, assembly: str) -> Path:
    """``folder/name``: a shared library (soname ``name``, with debug info) built by binutils
    from ``assembly``."""
    (folder / "lib.s").write_text(assembly)
    subprocess.run(["as", "-g", "-o", "lib.o", "lib.s"], cwd=folder, check=True)
    subprocess.run(["ld", "-shared", "-soname", name, "-o", name, "lib.o"], cwd=folder, check=True)
    return folder / name


def fake_elf(
    path: Path,
    *,
    needed: tuple[str, ...] = (),
    soname: str | None = None,
    debug: int = 0,
    symtab: bool = False,
    load: tuple[int, int, int] = (0, 0, 0x1000),
) -> Path:
    """A minimal little-endian ELF64 file: one PT_LOAD, a .dynamic with DT_NEEDED/DT_SONAME, and
    optionally .debug_info and .symtab/.strtab sections."""
    dynstr = b"\0"
    entries = []
    for name in needed:
        entries.append((1, len(dynstr)))
        dynstr += name.encode() + b"\0"
    if soname:
        entries.append((14, len(dynstr)))
        dynstr += soname.encode() + b"\0"
    dynamic = b"".join(struct.pack("<qQ", tag, value) for tag, value in [*entries, (0, 0)])
    sections = [(".dynstr", 3, dynstr, 0), (".dynamic", 6, dynamic, 1)]
    if debug:
        sections.append((".debug_info", 1, b"\x01" * debug, 0))
    if symtab:
        sections.append((".symtab", 2, b"\0" * 48, len(sections) + 2))
        sections.append((".strtab", 3, b"\0main\0", 0))
    shstrtab = b"\0"
    names = []
    for name, *_ in [*sections, (".shstrtab",)]:
        names.append(len(shstrtab))
        shstrtab += name.encode() + b"\0"
    sections.append((".shstrtab", 3, shstrtab, 0))

    body, offsets, at = b"", [], 64 + 56
    for _, _, data, _ in sections:
        offsets.append(at + len(body))
        body += data + b"\0" * (-len(data) % 8)
    shoff = 64 + 56 + len(body)
    header = b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 9
    header += struct.pack(
        "<HHIQQQIHHHHHH", 3, 62, 1, 0, 64, shoff, 0, 64, 56, 1, 64, len(sections) + 1, len(sections)
    )
    offset, address, align = load
    phdr = struct.pack("<IIQQQQQQ", 1, 5, offset, address, address, 64, 64, align)
    shdrs = b"\0" * 64
    for (_, typ, data, link), name, off in zip(sections, names, offsets, strict=True):
        shdrs += struct.pack("<IIQQQQIIQQ", name, typ, 0, 0, off, len(data), link, 0, 1, 0)
    path.write_bytes(header + phdr + body + shdrs)
    return path


def test_read_elf_finds_needed_soname_debug_info_and_symbols(tmp_path):
    elf = bundle_trim.read_elf(
        fake_elf(
            tmp_path / "libx.so",
            needed=("libc.so.6", "libglib-2.0.so.0"),
            soname="libx.so.1",
            debug=1000,
            symtab=True,
        )
    )
    assert elf is not None
    assert elf.needed == ("libc.so.6", "libglib-2.0.so.0")
    assert elf.soname == "libx.so.1"
    assert elf.debug_bytes == 1000
    assert elf.strippable_bytes == 1000 + 48 + 6
    assert elf.loads_aligned()


def test_read_elf_without_debug_info_has_nothing_to_strip_and_other_files_are_not_elf(tmp_path):
    elf = bundle_trim.read_elf(fake_elf(tmp_path / "plain.so"))
    assert elf is not None
    assert elf.strippable_bytes == 0
    assert elf.needed == ()
    (tmp_path / "text.so").write_text("not an ELF file, long enough to have a header" * 3)
    assert bundle_trim.read_elf(tmp_path / "text.so") is None
    (tmp_path / "short").write_bytes(b"\x7fELF")
    assert bundle_trim.read_elf(tmp_path / "short") is None


def test_a_segment_whose_offset_and_address_disagree_modulo_its_alignment_is_damage(tmp_path):
    bad = bundle_trim.read_elf(fake_elf(tmp_path / "bad.so", load=(0x1010, 0x2000, 0x1000)))
    assert bad is not None
    assert not bad.loads_aligned()


@linux_only
def test_read_elf_reads_the_running_python():
    elf = bundle_trim.read_elf(Path(sys.executable).resolve())
    assert elf is not None
    assert elf.loads_aligned()
    assert any(name.startswith(("libc.so", "libpython")) for name in elf.needed)


def test_auditwheel_repaired_files_are_the_libs_folder_and_its_package():
    destinations = ["numpy.libs/libopenblas.so", "numpy/_core/_umath.so", "pandas/_libs/a.so"]
    assert bundle_trim.auditwheel_repaired("numpy.libs/libopenblas.so", destinations)
    assert bundle_trim.auditwheel_repaired("numpy/_core/_umath.so", destinations)
    assert not bundle_trim.auditwheel_repaired("pandas/_libs/a.so", destinations)
    assert not bundle_trim.auditwheel_repaired("libpython3.11.so.1.0", destinations)


def test_prune_keeps_the_roots_and_what_they_need_transitively(tmp_path):
    toc = [
        ("ext.so", str(fake_elf(tmp_path / "ext.so", needed=("libQt6Gui.so.6",))), "EXTENSION"),
        (
            "PySide6/Qt/lib/libQt6Gui.so.6",
            str(fake_elf(tmp_path / "gui", needed=("libdbus-1.so.3",), soname="libQt6Gui.so.6")),
            "BINARY",
        ),
        ("libdbus-1.so.3", str(fake_elf(tmp_path / "dbus", needed=("libc.so.6",))), "BINARY"),
        (
            "PySide6/Qt/plugins/platformthemes/gone.so",
            str(fake_elf(tmp_path / "gone.so", needed=("libgtk-3.so.0",))),
            "BINARY",
        ),
        ("libgtk-3.so.0", str(fake_elf(tmp_path / "gtk", needed=("libcairo.so.2",))), "BINARY"),
        ("libcairo.so.2", str(fake_elf(tmp_path / "cairo")), "BINARY"),
        ("plugins/platforms/libqxcb.so", str(fake_elf(tmp_path / "xcb")), "BINARY"),
    ]
    toc_without_theme = [entry for entry in toc if "platformthemes" not in entry[0]]
    kept, dropped = bundle_trim.prune_unreachable_libraries(
        toc_without_theme, lambda e: e[2] == "EXTENSION" or "plugins/" in e[0]
    )
    assert [e[0] for e in kept] == [
        "ext.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libdbus-1.so.3",
        "plugins/platforms/libqxcb.so",
    ]
    assert [e[0] for e in dropped] == ["libgtk-3.so.0", "libcairo.so.2"]


def _icu_header() -> bytes:
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\3\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return header + b"\0" * (32 - len(header))


def _icu_item(tag: bytes) -> bytes:
    return struct.pack("<HBB", 16, 0xDA, 0x27) + b"\0" * 12 + tag * 5


def test_icu_packages_round_trip_sorted_and_16_byte_aligned():
    items = [
        ("icudt99l/zone/nl.res", _icu_item(b"z")),
        ("icudt99l/coll/root.res", _icu_item(b"c") * 3),
        ("icudt99l/cnvalias.icu", _icu_item(b"a")),
    ]
    blob = bundle_trim.write_icu_package(_icu_header(), items)
    header, read = bundle_trim.read_icu_package(blob)
    assert header == _icu_header()
    assert [name for name, _ in read] == sorted(name for name, _ in items)
    for name, data in read:
        original = dict(items)[name]
        assert data[: len(original)] == original
        assert len(data) % 16 == 0
        assert (blob.index(data) if data else 0) % 16 == 0
    # writing what was read gives the same bytes
    assert bundle_trim.write_icu_package(header, read) == blob
    with pytest.raises(ValueError, match="not an ICU"):
        bundle_trim.read_icu_package(b"\0" * 64)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/coll/nl.res", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/de.res", False),
        ("icudt73l/coll/de_.res", False),
        ("icudt73l/coll/zh_Hant_TW.res", False),
        ("icudt73l/zone/fr_BE.res", True),
        ("icudt73l/zone/en_150.res", True),
        ("icudt73l/zone/pool.res", True),
        ("icudt73l/zone/tzdbNames.res", True),
        ("icudt73l/lang/res_index.res", True),
        ("icudt73l/nl.res", True),
        ("icudt73l/ja.res", False),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/units.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/metaZones.res", True),
        ("icudt73l/cnvalias.icu", True),
        ("icudt73l/ibm-5348_P100-1997.cnv", True),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/brkitr/word.brk", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/unames.icu", False),
        ("icudt73l/rfc3491.spp", False),
        ("icudt73l/nfkc.nrm", True),
    ],
)
def test_keep_icu_item(name, kept):
    assert bundle_trim.keep_icu_item(name, ("nl", "en", "fr")) is kept


@linux_only
def test_subset_icu_library_rebuilds_the_data_library_with_the_kept_items(tmp_path):
    items = [
        ("icudt99l/coll/nl.res", _icu_item(b"n")),
        ("icudt99l/coll/ja.res", _icu_item(b"j") * 40),
        ("icudt99l/brkitr/cjdict.dict", _icu_item(b"d") * 40),
        ("icudt99l/metaZones.res", _icu_item(b"m")),
    ]
    package = bundle_trim.write_icu_package(_icu_header(), items)
    source = tmp_path / "src"
    source.mkdir()
    (source / "data.bin").write_bytes(package)
    original = _shared_library(
        source,
        "libicudata.so.99",
        ".section .rodata\n.globl icudt99_dat\n.type icudt99_dat, STT_OBJECT\n.balign 16\n"
        'icudt99_dat:\n.incbin "data.bin"\n.size icudt99_dat, . - icudt99_dat\n',
    )
    assert bundle_trim.dynamic_symbol(original, "icudt99_dat") == package

    rebuilt = bundle_trim.subset_icu_library(original, tmp_path / "work", ("nl", "en", "fr"))
    assert rebuilt.name == "libicudata.so.99"
    elf = bundle_trim.read_elf(rebuilt)
    assert elf is not None
    assert elf.soname == "libicudata.so.99"
    assert elf.loads_aligned()
    subset = bundle_trim.dynamic_symbol(rebuilt, "icudt99_dat")
    assert subset is not None
    assert len(subset) < len(package)
    _, kept = bundle_trim.read_icu_package(subset)
    assert [name for name, _ in kept] == ["icudt99l/coll/nl.res", "icudt99l/metaZones.res"]
    with pytest.raises(ValueError, match="not an ICU data library"):
        bundle_trim.subset_icu_library(source / "lib.o", tmp_path / "other", ("nl",))


@linux_only
def test_strip_binaries_strips_debug_info_keeps_exports_and_leaves_auditwheel_files(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    _shared_library(
        source,
        "libdemo.so.1",
        ".text\n.globl exported\n.type exported, STT_FUNC\nexported:\n ret\nlocal_helper:\n ret\n",
    )
    shutil.copy(source / "libdemo.so.1", source / "libwheel.so")
    before = bundle_trim.read_elf(source / "libdemo.so.1")
    assert before is not None
    assert before.debug_bytes > 0
    assert ".symtab" in before.section_names

    toc = [
        ("libdemo.so.1", str(source / "libdemo.so.1"), "BINARY"),
        ("numpy.libs/libwheel.so", str(source / "libwheel.so"), "BINARY"),
        ("data.txt", str(source / "lib.s"), "DATA"),
    ]
    result, report = bundle_trim.strip_binaries(toc, tmp_path / "stripped")
    assert result[0] == ("libdemo.so.1", str(tmp_path / "stripped" / "libdemo.so.1"), "BINARY")
    assert result[1:] == toc[1:]
    assert report.skipped == (("numpy.libs/libwheel.so", "repaired by auditwheel"),)
    assert report.saved > 0
    after = bundle_trim.read_elf(result[0][1])
    assert after is not None
    assert after.strippable_bytes == 0
    assert after.soname == "libdemo.so.1"
    assert ".dynsym" in after.section_names
    exported = subprocess.run(
        ["nm", "-D", "--defined-only", result[0][1]], capture_output=True, text=True, check=True
    ).stdout
    assert "exported" in exported


# --- what the spec's exclusions rely on ---------------------------------------------------------


def test_the_stdnum_validators_the_app_uses_need_none_of_stdnums_data_files(monkeypatch):
    """The spec drops stdnum/*.dat; only modules that never open them may be imported."""
    used = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        used.update(re.findall(r"from stdnum(?:\.(\w+))? import (\w+)", path.read_text()))
    assert used == {("", "exceptions"), ("be", "ssn"), ("be", "vat"), ("nl", "bsn")}

    import stdnum.numdb

    def no_data(*args, **kwargs):
        raise AssertionError(f"stdnum opened a data file: {args}")

    monkeypatch.setattr(stdnum.numdb, "get", no_data)
    monkeypatch.setattr(stdnum.numdb, "read", no_data)
    from stdnum.be import ssn, vat
    from stdnum.nl import bsn

    assert bsn.is_valid("111222333")
    assert ssn.is_valid("85073003328")
    assert vat.is_valid("BE0403019261")
    assert not bsn.is_valid("111222334")


def _spec_constant(name: str):
    tree = ast.parse((ROOT / "installer" / "diversity_assistant.spec").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not in the spec")


def test_rapidfuzz_scores_with_its_generic_cpp_fuzz_without_the_modules_the_spec_drops():
    """The spec leaves most of rapidfuzz's extension modules out of the bundle; the app only
    calls rapidfuzz.fuzz, which must still run in C++ and give the same scores."""
    imports = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        imports.update(
            re.findall(
                r"^\s*(from rapidfuzz\S* import .*|import rapidfuzz.*)$", path.read_text(), re.M
            )
        )
    assert imports == {"from rapidfuzz import fuzz"}

    dropped = _spec_constant("RAPIDFUZZ_DROPPED")
    script = (
        "import importlib.abc, re, sys\n"
        "class Dropped(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        f"        if re.search({dropped!r}, name.replace('.', '/') + '.'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "if sys.argv[1] == 'bundle':\n"
        "    sys.meta_path.insert(0, Dropped())\n"
        "import rapidfuzz\n"
        "from rapidfuzz import fuzz\n"
        "pairs = [('Datum in dienst', 'in dienst datum'), ('geboortedatm', 'geboortedatum'),"
        " ('Functie schaal', 'salarisschaal'), ('', 'x')]\n"
        "print(fuzz.token_sort_ratio.__module__, [fuzz.token_sort_ratio(a, b) for a, b in pairs])\n"
        "print(sorted(m for m in sys.modules if m.startswith('rapidfuzz') and 'cpp' in m))\n"
    )
    runs = {
        mode: subprocess.run(
            [sys.executable, "-c", script, mode], capture_output=True, text=True, check=True
        )
        for mode in ("bundle", "full")
    }
    assert runs["bundle"].stderr == ""
    scores, modules = runs["bundle"].stdout.splitlines()
    assert scores.startswith("rapidfuzz.fuzz_cpp ")
    assert scores.split(" ", 1)[1] == runs["full"].stdout.splitlines()[0].split(" ", 1)[1]
    for name in ("metrics_cpp", "process_cpp_impl", "utils_cpp", "avx2"):
        assert name not in modules
