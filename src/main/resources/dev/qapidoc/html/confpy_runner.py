# Runs a Sphinx conf.py for qapidoc and prints its configuration values as JSON on stdout.
#
# qapidoc has no Sphinx, so the modules a conf.py usually imports from Sphinx's world are
# stand-ins: `sphinx` (with version_info of the Sphinx release qapidoc's output follows),
# `sphinx.errors`, `sphinx.util`, and theme packages such as `sphinx_rtd_theme`. Everything else
# (os, sys, ...) is the real Python. `tags` behaves like Sphinx's tag set.
#
# argv: conf.py path, then the tags set on the command line (-t). Output: one JSON object
# {"values": {name: value}, "tags": [...], "read": [...]} holding every global whose value JSON
# can carry (tuples and sets become lists, sets sorted) and the absolute paths of the files
# conf.py opened for reading (for the build's dependency file), or {"error": message, "line": N}
# on failure.
import builtins
import importlib.abc
import importlib.machinery
import json
import os
import sys
import traceback
import types

SPHINX_VERSION = (5, 3, 0, "final", 0)
STUB_ROOTS = ("sphinx", "sphinx_rtd_theme", "alabaster", "docutils", "sphinxcontrib", "furo", "pydata_sphinx_theme")


class SphinxLikeError(Exception):
    pass


def make_stub(name):
    mod = types.ModuleType(name)
    mod.__path__ = []  # a package, so submodules import too
    mod.__qapidoc_stub__ = True
    if name == "sphinx":
        mod.version_info = SPHINX_VERSION
        mod.__version__ = "%d.%d.%d" % SPHINX_VERSION[:3]
        mod.__display_version__ = mod.__version__
    elif name == "sphinx.errors":
        mod.SphinxError = SphinxLikeError
        for cls in ("ConfigError", "ExtensionError", "ThemeError", "VersionRequirementError",
                    "ApplicationError", "BuildEnvironmentError"):
            setattr(mod, cls, type(cls, (SphinxLikeError,), {}))
    elif name.endswith("_theme") or name in ("alabaster", "furo"):
        mod.get_html_theme_path = lambda: ""
        mod.__version__ = "0"
    return mod


class StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] in STUB_ROOTS:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        return make_stub(spec.name)

    def exec_module(self, module):
        parent, _, child = module.__name__.rpartition(".")
        if parent and parent in sys.modules:
            setattr(sys.modules[parent], child, module)


class Tags:
    def __init__(self, initial):
        self.tags = dict.fromkeys(initial, True)

    def add(self, name):
        self.tags[name] = True

    def remove(self, name):
        self.tags.pop(name, None)

    def has(self, name):
        return name in self.tags

    __contains__ = has

    def __iter__(self):
        return iter(self.tags)


def to_json(value, depth=0):
    """The value as JSON data, or raise TypeError when JSON cannot carry it."""
    if depth > 50:
        raise TypeError("too deep")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_json(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [to_json(v, depth + 1) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("non-string key")
            out[k] = to_json(v, depth + 1)
        return out
    raise TypeError(type(value).__name__)


READ = []


def recording_open(real_open):
    def opener(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and not any(c in mode for c in "wax+"):
            path = os.path.abspath(os.fsdecode(file))
            if path not in READ:
                READ.append(path)
        return real_open(file, mode, *args, **kwargs)
    return opener


def main():
    conf = os.path.abspath(sys.argv[1])
    builtins.open = recording_open(builtins.open)
    tags = Tags(["html", "format_html", "builder_html"] + sys.argv[2:])
    sys.meta_path.insert(0, StubFinder())
    os.chdir(os.path.dirname(conf))
    sys.path.insert(0, os.path.dirname(conf))
    namespace = {"__file__": conf, "__name__": "__qapidoc_conf__", "tags": tags}
    try:
        with open(conf, "rb") as f:
            code = compile(f.read(), conf, "exec")
        exec(code, namespace)
    except SystemExit as e:
        json.dump({"error": "conf.py called sys.exit(%s)" % (e.code,), "line": 0}, sys.stdout)
        return
    except BaseException as e:
        line = 0
        for frame in traceback.extract_tb(e.__traceback__):
            if frame.filename == conf:
                line = frame.lineno
        if isinstance(e, SyntaxError) and e.filename == conf:
            line = e.lineno or 0
        json.dump({"error": "%s: %s" % (type(e).__name__, e), "line": line}, sys.stdout)
        return
    values = {}
    for name, value in namespace.items():
        if name.startswith("_") or name == "tags" or isinstance(value, types.ModuleType):
            continue
        try:
            values[name] = to_json(value)
        except TypeError:
            pass
    read = [p for p in READ if p != conf and os.path.isfile(p)]
    json.dump({"values": values, "tags": list(tags), "read": read}, sys.stdout, sort_keys=True)


main()
