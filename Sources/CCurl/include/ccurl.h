// libcurl, loaded with dlopen at run time so the release binary's NEEDED entries stay the C runtime
// (`.ci/dist-check.sh`): only `--verify` needs libcurl.so.4, and without it the request fails with
// TW_CURL_UNAVAILABLE instead of the program failing to start.
#ifndef TOKENWARDEN_CCURL_H
#define TOKENWARDEN_CCURL_H

#include <stddef.h>

enum tw_curl_error {
    TW_CURL_OK = 0,
    /// libcurl.so.4 (or one of its functions) could not be loaded.
    TW_CURL_UNAVAILABLE = 1,
    TW_CURL_TIMEOUT = 2,
    /// Certificate or handshake failure.
    TW_CURL_TLS = 3,
    /// Resolve, connect, send or receive failure; a protocol the handle refuses.
    TW_CURL_CONNECTION = 4,
};

/// One request. Every handle: no redirects followed, peer and host verified, https only (plus
/// http when `allow_http` is set, which the caller does only for loopback test endpoints), no signals.
typedef struct {
    const char *method;
    const char *url;
    /// "Name: value" lines.
    const char *const *headers;
    size_t header_count;
    const unsigned char *body;
    size_t body_length;
    long connect_timeout_ms;
    long total_timeout_ms;
    int allow_http;
    /// Bytes of body kept; the transfer stops there.
    size_t body_cap;
} tw_curl_request;

typedef struct {
    /// TW_CURL_OK: `status` is the HTTP status.
    int error;
    long status;
    /// libcurl's message for an error (never holds the request's headers).
    char message[256];
    unsigned char *body;
    size_t body_length;
    /// The raw header lines of the last response, "\r\n"-separated, capped at 64 KiB.
    char *header_block;
    size_t header_length;
} tw_curl_response;

/// NULL when libcurl is loaded and initialised, else why not (a static string).
const char *tw_curl_load_error(void);

/// Performs the request; always fills `response` (free it with tw_curl_response_free).
void tw_curl_perform(const tw_curl_request *request, tw_curl_response *response);
void tw_curl_response_free(tw_curl_response *response);

#endif
