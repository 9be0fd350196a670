#!/usr/bin/env python3
"""Benchmark: how long after saving a doc comment in qapi/block-core.json the QMP manual that
`qapidoc serve --schema qapi/qapi-schema.json --namespace QMP` serves shows it (issue 14: bar
<= 1 s, allowed 3 s). Copies QEMU master's schema tree to a temporary folder (the corpus is never
edited), starts the server through the launcher `./qapidoc` on a free port, waits for the first
build, then makes N edits (default 10), each a new word in one doc comment written the way an
editor saves (a new file renamed over the old one), and polls index.html every 10 ms until the
word is there. Prints each latency, the median and the load average. Speed is measured here,
never asserted in tests.

Usage (from the project root): src/test/bench/serve-latency.py [N]
Needs ../shared/corpus/qemu-master and python3; the launcher builds target/qapidoc.jar if needed.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
corpus = os.path.join(root, "..", "shared", "corpus", "qemu-master")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
if not os.path.isdir(corpus):
    sys.exit("bench: %s missing" % corpus)

work = tempfile.mkdtemp(prefix="qapidoc-serve-bench-")
tree = os.path.join(work, "qemu")
shutil.copytree(corpus, tree)
target = os.path.join(tree, "qapi", "block-core.json")
anchor = "# Driver specific block device options for the file backend."

proc = subprocess.Popen(
    [os.path.join(root, "qapidoc"), "serve", "-q", "--port", "0", "--schema", "qapi/qapi-schema.json",
     "--namespace", "QMP"],
    cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    url = None
    for line in proc.stdout:
        m = re.search(r" at (http://\S+/) \(Ctrl-C to stop\)", line)
        if m:
            url = m.group(1)
            break
    if url is None:
        sys.exit("bench: serve did not start")

    def page():
        with urllib.request.urlopen(url + "index.html", timeout=30) as r:
            return r.read().decode("utf-8")

    with open(target, encoding="utf-8") as f:
        original = f.read()
    if anchor not in original:
        sys.exit("bench: the doc comment to edit is not in block-core.json any more")
    times = []
    for i in range(runs):
        word = "benchword%d%d" % (os.getpid(), i)
        text = original.replace(anchor, anchor[:-1] + " " + word + ".", 1)
        tmp = target + ".new"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        t0 = time.monotonic()
        os.replace(tmp, target)
        while word not in page():
            time.sleep(0.01)
        dt = time.monotonic() - t0
        times.append(dt)
        print("edit %2d: %.3f s" % (i + 1, dt))
        time.sleep(0.3)
    print("median of %d edits: %.3f s (min %.3f, max %.3f); load average %s" % (
        runs, statistics.median(times), min(times), max(times), " ".join(
            "%.2f" % x for x in os.getloadavg())))
finally:
    proc.terminate()
    proc.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
