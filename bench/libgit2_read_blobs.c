// Inflates every blob id given on stdin with libgit2 (git_odb_read), in N threads (argv[2]), each
// thread with its own repository handle; prints the bytes read. Run by bench/libgit2_vs_catfile.sh.
#include <git2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char **ids; static size_t count; static const char *path;
struct job { size_t from, step; unsigned long long bytes; };
static void *run(void *arg) {
    struct job *j = arg; git_repository *repo; git_odb *odb;
    if (git_repository_open_bare(&repo, path) || git_repository_odb(&odb, repo)) { fprintf(stderr, "open failed\n"); exit(2); }
    for (size_t i = j->from; i < count; i += j->step) {
        git_oid oid; git_odb_object *o;
        git_oid_fromstr(&oid, ids[i]);
        if (git_odb_read(&o, odb, &oid)) { fprintf(stderr, "read failed %s\n", ids[i]); exit(2); }
        j->bytes += git_odb_object_size(o);
        git_odb_object_free(o);
    }
    git_odb_free(odb); git_repository_free(repo); return NULL;
}
int main(int argc, char **argv) {
    path = argv[1]; int n = atoi(argv[2]); git_libgit2_init();
    size_t cap = 1 << 16; ids = malloc(cap * sizeof *ids); char line[128];
    while (fgets(line, sizeof line, stdin)) { if (count == cap) ids = realloc(ids, (cap *= 2) * sizeof *ids); line[40] = 0; ids[count++] = strdup(line); }
    pthread_t t[16]; struct job jobs[16];
    for (int k = 0; k < n; k++) { jobs[k] = (struct job){k, n, 0}; pthread_create(&t[k], NULL, run, &jobs[k]); }
    unsigned long long total = 0;
    for (int k = 0; k < n; k++) { pthread_join(t[k], NULL); total += jobs[k].bytes; }
    printf("%zu blobs, %llu bytes\n", count, total); return 0;
}
