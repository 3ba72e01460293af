#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The few libcurl declarations used, by value from curl.h (stable ABI since 7.x): no -dev package
// is needed at build time, and nothing links libcurl.
typedef void CURL;
struct curl_slist;
typedef int CURLcode;
typedef size_t (*tw_write_callback)(char *, size_t, size_t, void *);

enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_PROXY = 10004, OPT_POSTFIELDS = 10015, OPT_USERAGENT = 10018,
    OPT_HTTPHEADER = 10023, OPT_HEADERDATA = 10029, OPT_CUSTOMREQUEST = 10036, OPT_POSTFIELDSIZE = 60,
    OPT_NOBODY = 44, OPT_FOLLOWLOCATION = 52, OPT_SSL_VERIFYPEER = 64, OPT_SSL_VERIFYHOST = 81, OPT_NOSIGNAL = 99,
    OPT_TIMEOUT_MS = 155, OPT_CONNECTTIMEOUT_MS = 156, OPT_PROTOCOLS_STR = 10318, OPT_REDIR_PROTOCOLS_STR = 10319,
    OPT_WRITEFUNCTION = 20011, OPT_HEADERFUNCTION = 20079, OPT_NETRC = 51, OPT_PROTOCOLS = 181, OPT_REDIR_PROTOCOLS = 182,
};
enum { PROTO_HTTP = 1, PROTO_HTTPS = 2 };
enum { INFO_RESPONSE_CODE = 0x200000 + 2 };
enum {
    E_OK = 0, E_UNSUPPORTED_PROTOCOL = 1, E_WRITE_ERROR = 23, E_OPERATION_TIMEDOUT = 28, E_SSL_CONNECT_ERROR = 35,
    E_SSL_ENGINE_NOTFOUND = 53, E_SSL_ENGINE_SETFAILED = 54, E_SSL_CERTPROBLEM = 58, E_SSL_CIPHER = 59,
    E_PEER_FAILED_VERIFICATION = 60, E_USE_SSL_FAILED = 64, E_SSL_ENGINE_INITFAILED = 66, E_SSL_CACERT_BADFILE = 77,
    E_SSL_SHUTDOWN_FAILED = 80, E_SSL_CRL_BADFILE = 82, E_SSL_ISSUER_ERROR = 83, E_SSL_PINNEDPUBKEYNOTMATCH = 90,
    E_SSL_INVALIDCERTSTATUS = 91, E_SSL_CLIENTCERT = 98,
};

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, int, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    int loaded;
    char why[200];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

#define RESOLVE(field, name)                                                                                           \
    do {                                                                                                               \
        *(void **)(&curl.field) = dlsym(handle, name);                                                                 \
        if (!curl.field) {                                                                                             \
            snprintf(curl.why, sizeof curl.why, "libcurl.so.4 has no %s", name);                                      \
            return;                                                                                                    \
        }                                                                                                              \
    } while (0)

static void load_curl(void) {
    void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        snprintf(curl.why, sizeof curl.why, "libcurl.so.4 not found (install libcurl4 to use --verify)");
        return;
    }
    RESOLVE(global_init, "curl_global_init");
    RESOLVE(easy_init, "curl_easy_init");
    RESOLVE(easy_setopt, "curl_easy_setopt");
    RESOLVE(easy_perform, "curl_easy_perform");
    RESOLVE(easy_getinfo, "curl_easy_getinfo");
    RESOLVE(easy_cleanup, "curl_easy_cleanup");
    RESOLVE(easy_strerror, "curl_easy_strerror");
    RESOLVE(slist_append, "curl_slist_append");
    RESOLVE(slist_free_all, "curl_slist_free_all");
    // CURL_GLOBAL_DEFAULT (SSL | WIN32 = 3); once, before any thread makes a handle.
    if (curl.global_init(3) != E_OK) {
        snprintf(curl.why, sizeof curl.why, "curl_global_init failed");
        return;
    }
    curl.loaded = 1;
}

typedef struct {
    unsigned char *data;
    size_t length, cap;
    int over;
} buffer;

static size_t append(buffer *b, const char *bytes, size_t n) {
    size_t room = b->cap - b->length;
    size_t take = n < room ? n : room;
    if (take > 0) {
        unsigned char *grown = realloc(b->data, b->length + take + 1);
        if (!grown) return 0;
        b->data = grown;
        memcpy(b->data + b->length, bytes, take);
        b->length += take;
        b->data[b->length] = 0;
    }
    if (take < n) b->over = 1;
    return take;
}

static size_t on_body(char *bytes, size_t size, size_t count, void *context) {
    size_t n = size * count;
    // Past the cap the transfer stops (a short write aborts it); the kept prefix is the response.
    return append(context, bytes, n) == n ? n : 0;
}

static size_t on_header(char *bytes, size_t size, size_t count, void *context) {
    buffer *b = context;
    size_t n = size * count;
    // A new status line (after 100 Continue) starts the last response's headers afresh.
    if (n >= 5 && memcmp(bytes, "HTTP/", 5) == 0) b->length = 0;
    append(b, bytes, n);
    return n;
}

static int is_tls_error(CURLcode code) {
    switch (code) {
    case E_SSL_CONNECT_ERROR: case E_SSL_ENGINE_NOTFOUND: case E_SSL_ENGINE_SETFAILED: case E_SSL_CERTPROBLEM:
    case E_SSL_CIPHER: case E_PEER_FAILED_VERIFICATION: case E_USE_SSL_FAILED: case E_SSL_ENGINE_INITFAILED:
    case E_SSL_CACERT_BADFILE: case E_SSL_SHUTDOWN_FAILED: case E_SSL_CRL_BADFILE: case E_SSL_ISSUER_ERROR:
    case E_SSL_PINNEDPUBKEYNOTMATCH: case E_SSL_INVALIDCERTSTATUS: case E_SSL_CLIENTCERT:
        return 1;
    default:
        return 0;
    }
}

static void fail(tw_curl_response *response, int error, const char *message) {
    response->error = error;
    snprintf(response->message, sizeof response->message, "%s", message);
}

const char *tw_curl_load_error(void) {
    pthread_once(&load_once, load_curl);
    return curl.loaded ? NULL : curl.why;
}

void tw_curl_perform(const tw_curl_request *request, tw_curl_response *response) {
    memset(response, 0, sizeof *response);
    pthread_once(&load_once, load_curl);
    if (!curl.loaded) {
        fail(response, TW_CURL_UNAVAILABLE, curl.why);
        return;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        fail(response, TW_CURL_UNAVAILABLE, "curl_easy_init failed");
        return;
    }

    struct curl_slist *headers = NULL;
    for (size_t i = 0; i < request->header_count; i++) headers = curl.slist_append(headers, request->headers[i]);
    buffer body = {.cap = request->body_cap}, header_block = {.cap = 64 * 1024};
    const char *protocols = request->allow_http ? "https,http" : "https";

    // The safety options must take: a libcurl that refuses one sends nothing.
    int refused = curl.easy_setopt(handle, OPT_URL, request->url) != E_OK;
    // PROTOCOLS_STR is libcurl 7.85+; older ones take the bit mask.
    if (curl.easy_setopt(handle, OPT_PROTOCOLS_STR, protocols) != E_OK) {
        refused |= curl.easy_setopt(handle, OPT_PROTOCOLS, request->allow_http ? (long)(PROTO_HTTP | PROTO_HTTPS) : (long)PROTO_HTTPS) != E_OK;
        curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)PROTO_HTTPS);
    } else {
        curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS_STR, "https");
    }
    refused |= curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 0L) != E_OK;
    refused |= curl.easy_setopt(handle, OPT_SSL_VERIFYPEER, 1L) != E_OK;
    refused |= curl.easy_setopt(handle, OPT_SSL_VERIFYHOST, 2L) != E_OK;
    refused |= curl.easy_setopt(handle, OPT_NOSIGNAL, 1L) != E_OK;
    curl.easy_setopt(handle, OPT_NETRC, 0L);  // credentials only from the check, never ~/.netrc
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, request->connect_timeout_ms);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, request->total_timeout_ms);
    curl.easy_setopt(handle, OPT_USERAGENT, "tokenwarden-verify");
    // Loopback test endpoints never go through a proxy the environment names.
    if (request->allow_http) curl.easy_setopt(handle, OPT_PROXY, "");
    if (headers) curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
    if (strcmp(request->method, "HEAD") == 0) {
        curl.easy_setopt(handle, OPT_NOBODY, 1L);
    } else if (strcmp(request->method, "GET") != 0) {
        curl.easy_setopt(handle, OPT_CUSTOMREQUEST, request->method);
    }
    if (request->body) {
        curl.easy_setopt(handle, OPT_POSTFIELDSIZE, (long)request->body_length);
        curl.easy_setopt(handle, OPT_POSTFIELDS, (const char *)request->body);
    }
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, (tw_write_callback)on_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, &body);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, (tw_write_callback)on_header);
    curl.easy_setopt(handle, OPT_HEADERDATA, &header_block);

    if (refused) {
        curl.slist_free_all(headers);
        curl.easy_cleanup(handle);
        fail(response, TW_CURL_UNAVAILABLE, "libcurl refused a safety option (protocols, redirects, certificate checks)");
        return;
    }
    CURLcode code = curl.easy_perform(handle);
    if (code == E_WRITE_ERROR && body.over) code = E_OK;  // stopped at the cap on purpose
    if (code == E_OK) {
        curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &response->status);
        response->body = body.data;
        response->body_length = body.length;
        response->header_block = (char *)header_block.data;
        response->header_length = header_block.length;
    } else {
        free(body.data);
        free(header_block.data);
        int kind = code == E_OPERATION_TIMEDOUT ? TW_CURL_TIMEOUT : is_tls_error(code) ? TW_CURL_TLS : TW_CURL_CONNECTION;
        fail(response, kind, curl.easy_strerror(code));
    }
    curl.slist_free_all(headers);
    curl.easy_cleanup(handle);
}

void tw_curl_response_free(tw_curl_response *response) {
    free(response->body);
    free(response->header_block);
    response->body = NULL;
    response->header_block = NULL;
}
