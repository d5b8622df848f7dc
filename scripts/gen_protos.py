"""Generates the Python code of protos/ into libs/ecolink-proto/src, or checks it has not drifted."""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

import grpc_tools
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTOS = ROOT / "protos"
OUTPUT = ROOT / "libs" / "ecolink-proto" / "src"
GENERATED_SUFFIXES = ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py")


def generate(into: Path) -> None:
    """Runs protoc over every .proto file under protos/ into the given source root."""
    well_known = Path(grpc_tools.__file__).parent / "_proto"
    sources = sorted(str(p.relative_to(PROTOS)) for p in PROTOS.rglob("*.proto"))
    args = [
        "protoc",
        f"-I{PROTOS}",
        f"-I{well_known}",
        f"--python_out={into}",
        f"--pyi_out={into}",
        f"--grpc_python_out={into}",
        *sources,
    ]
    if protoc.main(args) != 0:
        sys.exit("protoc failed")


def generated_files(root: Path) -> set[Path]:
    """Lists generated files below root, relative to it."""
    return {p.relative_to(root) for p in root.rglob("*") if p.name.endswith(GENERATED_SUFFIXES)}


def check() -> int:
    """Regenerates into a temporary folder and reports any file that differs from the committed one."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        generate(fresh)
        expected, committed = generated_files(fresh), generated_files(OUTPUT)
        drift = sorted(str(p) for p in expected ^ committed)
        drift += sorted(str(p) for p in expected & committed if not filecmp.cmp(fresh / p, OUTPUT / p, shallow=False))
    for path in drift:
        print(f"generated code out of date: {path}", file=sys.stderr)
    if drift:
        print("run `make proto` and commit the result", file=sys.stderr)
    return 1 if drift else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if committed code differs from fresh output")
    if parser.parse_args().check:
        return check()
    for path in generated_files(OUTPUT):
        (OUTPUT / path).unlink()
    generate(OUTPUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
