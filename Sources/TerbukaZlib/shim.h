// TerbukaZlib: the system zlib (Debian zlib1g-dev), for inflating the parts of Excel
// workbooks (Parse/Tables/XLSX/ZipReader) and in tests for making deflated archives.
// Nothing but the header: no code of its own.
#include <zlib.h>
