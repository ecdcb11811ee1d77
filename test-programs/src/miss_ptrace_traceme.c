/* Near miss for "Ptrace anti-debug attempt": looks for a debugger the passive way, by reading
 * TracerPid from /proc/self/status, without calling ptrace. */
#include <stdio.h>
#include <string.h>

int main(void) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) { perror("/proc/self/status"); return 1; }
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "TracerPid:", 10) == 0) fputs(line, stdout);
    }
    fclose(f);
    return 0;
}
