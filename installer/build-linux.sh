#!/usr/bin/env bash
# The Linux bundle, build/frozen/dist/diversity-assistant (PyInstaller onedir), built in a venv of
# its own whose numpy is compiled without BLAS/LAPACK: the numpy wheel from PyPI links OpenBLAS
# (libscipy_openblas64_ + libgfortran, 28 MB in the bundle), which the app never calls (it does no
# linear algebra with numpy; the LP audit has HiGHS). numpy then uses its own small C fallbacks.
# The test suite keeps the normal wheel in .venv.
#
#   sh tests/setup-system.sh   # once: binutils, g++ and the Python headers this needs
#   installer/build-linux.sh   # ~40 s; the first run also compiles numpy (~5 min on 2 cores)
#
# Reused between runs: the venv (build/freeze-venv) and the numpy wheel (build/wheels/); delete
# them to start over. Environment: PYTHON (default python3), EXTRA_PYINSTALLER_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=build/freeze-venv
wheels=build/wheels/numpy-noblas
# Meson options of numpy's build (numpy's meson.options): no BLAS, no LAPACK, and no SIMD code
# for CPUs above the x86-64-v2 baseline (dispatch, SVML, x86-simd-sort, Highway): half of numpy's
# binary size, and no measurable gain for the app, whose array work is light next to reading the
# file (`check` of a 200,000-row CSV: 1.1 s with either build). numpy's linalg, umath, multiarray,
# ufunc and function_base tests pass on this build.
numpy_options="-Dblas=none -Dlapack=none -Dallow-noblas=true -Dcpu-dispatch=none -Ddisable-svml=true -Ddisable-intel-sort=true -Ddisable-highway=true"

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e ".[build]"

numpy_version=$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("numpy"))')
tag="$(printf '%s' "$numpy_options" | cksum | cut -d' ' -f1)"
wheel_dir="$wheels/$numpy_version-$tag"
if ! ls "$wheel_dir"/numpy-"$numpy_version"-*.whl >/dev/null 2>&1; then
  echo "compiling numpy $numpy_version without BLAS (once; cached in $wheel_dir) ..."
  rm -rf "$wheel_dir.partial"
  setup_args=""
  for option in $numpy_options; do setup_args="$setup_args -Csetup-args=$option"; done
  # --no-cache-dir: pip's cache does not key built wheels by these options
  # shellcheck disable=SC2086
  "$venv/bin/python" -m pip wheel -q --no-cache-dir --no-deps --no-binary numpy \
    "numpy==$numpy_version" $setup_args -w "$wheel_dir.partial"
  rm -rf "$wheel_dir" && mv "$wheel_dir.partial" "$wheel_dir"
fi
"$venv/bin/python" -m pip install -q --no-deps --force-reinstall "$wheel_dir"/numpy-"$numpy_version"-*.whl
"$venv/bin/python" -c 'import numpy; assert not numpy.show_config(mode="dicts")["Build Dependencies"]["blas"].get("found"), "numpy links a BLAS"' \
  || { echo "the numpy in $venv still links a BLAS library" >&2; exit 1; }

# shellcheck disable=SC2086
"$venv/bin/pyinstaller" --noconfirm --clean --log-level ERROR --distpath build/frozen/dist \
  --workpath build/frozen/work ${EXTRA_PYINSTALLER_ARGS:-} installer/diversity_assistant.spec
