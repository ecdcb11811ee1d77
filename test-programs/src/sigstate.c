/* B4: prints this process's blocked and ignored signal sets as /proc/self/status shows them:
 * "SigBlk HEX" and "SigIgn HEX". */
#include <stdio.h>
#include <string.h>

int main(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "SigBlk:", 7) == 0 || strncmp(line, "SigIgn:", 7) == 0) {
            char *v = line + 7;
            while (*v == ' ' || *v == '\t') v++;
            printf("%.6s %s", line, v);
        }
    }
    return 0;
}
