// glibc's allocator controls (malloc_trim), which Swift's Glibc module leaves out.
#if defined(__linux__)
#include <malloc.h>
#endif

// Asks the processor to bring the memory at `address` into its caches, to be read soon:
// for loops that read scattered memory. A hint: it never faults, whatever the address.
static inline void terbuka_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
