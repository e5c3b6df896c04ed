"""Audit the requirements against published vulnerabilities with pip-audit, and say honestly what was audited.

pip-audit prints "No known vulnerabilities found" even when it could reach no vulnerability service and
skipped every package; this reads its JSON instead. Exit 1 when a vulnerability is found, 0 otherwise, with
"could not audit" said plainly when the service is out of reach (run pip-audit in your own pipeline then).
"""

from __future__ import annotations

import json
import subprocess
import sys


def main() -> int:
    try:
        run = subprocess.run(
            [sys.executable, "-m", "pip_audit", "--local", "--format", "json", "--progress-spinner", "off"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        report = json.loads(run.stdout or "{}")
    except (subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
        print(
            f"Dependency audit: could not audit ({type(exc).__name__}); run pip-audit in your own pipeline."
        )
        return 0
    dependencies = report.get("dependencies", [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    for dependency in vulnerable:
        ids = ", ".join(v["id"] for v in dependency["vulns"])
        print(
            f"Dependency audit: {dependency['name']} {dependency['version']} has known vulnerabilities: {ids}"
        )
    if vulnerable:
        return 1
    if not audited:
        print(
            f"Dependency audit: could not audit any of {len(dependencies)} packages (the vulnerability service "
            "cannot be reached from here); run `pip-audit -r requirements.txt` in your own pipeline."
        )
    elif len(audited) < len(dependencies):
        print(
            f"Dependency audit: {len(audited)} of {len(dependencies)} packages audited, no known vulnerability; "
            f"{len(dependencies) - len(audited)} could not be audited."
        )
    else:
        print(f"Dependency audit: {len(audited)} packages audited, no known vulnerability.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
