"""khabar (خبر, "a report"): Arabic news into structured, verifiable knowledge, offline on a CPU."""

from importlib.metadata import PackageNotFoundError, version

from .cleaner import clean, normalize
from .document import Document, Meta
from .fold import fold
from .pipeline import Context, analyze

try:
    __version__ = version("khabar")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+src"

__all__ = ["Context", "Document", "Meta", "analyze", "clean", "fold", "normalize", "__version__"]
