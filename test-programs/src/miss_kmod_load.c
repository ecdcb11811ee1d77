/* Near miss for "Kernel module load attempt": lists loaded modules the way lsmod does, from
 * /proc/modules, or /sys/module on kernels built without module support. */
#include <dirent.h>
#include <stdio.h>

int main(void) {
    int n = 0;
    FILE *f = fopen("/proc/modules", "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f)) n++;
        fclose(f);
    } else {
        DIR *d = opendir("/sys/module");
        if (!d) { perror("/sys/module"); return 1; }
        while (readdir(d)) n++;
        closedir(d);
    }
    printf("%d module entries\n", n);
    return 0;
}
