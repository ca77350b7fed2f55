"""`pia-wizard keys new --name NAME [-o PATH]`: a signing key for reports.

A new RSA key and a self-signed certificate naming NAME, in a passphrase-protected PKCS#12 file
(`.p12`), written to PATH or to `keys/` in the user's data folder (the window's data folder), with the
certificate beside it as `.pem` for readers to pass to `validate --trust`. An existing file is never
overwritten. Prints the key file's path on stdout (and the certificate's on stderr). A self-signed
certificate shows that a report is unchanged since it was signed, not who signed it: an organisation's
own PKCS#12 file from its certificate authority can be used with `report --sign` instead.
Exit 0 when written, 1 when it could not be written, 2 on bad input.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pia_wizard.core.files.atomic_file import SaveError, write_atomic

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
APP_NAME = "pia-wizard"


def keys_folder() -> Path:
    """`keys/` in the per-user data folder (the same folder the window keeps its recovery files in)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "keys"


def run_keys_new(name: str, output: Path | None) -> int:
    from pia_wizard.commands.passphrase import NoPassphrase, read_passphrase
    from pia_wizard.report.signing import CERT_SUFFIX, SigningError, certificate_pem, key_file_name, new_key

    if not " ".join(name.split()):
        print("keys new: --name must name the person or organisation that will sign", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = output if output is not None else keys_folder() / key_file_name(name)
    certificate = path.with_suffix(CERT_SUFFIX)
    for existing in (path, certificate):
        if existing.exists():
            print(f"keys new: {existing} already exists: nothing was written", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        passphrase = read_passphrase(f"Passphrase for the new key {path.name}", confirm=True)
        p12 = new_key(name, passphrase)
        pem = certificate_pem(p12, passphrase)
    except (NoPassphrase, SigningError) as exc:
        print(f"keys new: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, p12, keep_backup=False)
        os.chmod(path, 0o600)  # the key: its owner's alone, passphrase or not
        write_atomic(certificate, pem, keep_backup=False)
    except (SaveError, OSError) as exc:
        print(f"keys new: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    print(path)
    print(
        f"the certificate, for readers to check your reports with (validate --trust): {certificate}",
        file=sys.stderr,
    )
    return EXIT_OK
