#!/bin/sh
export CEC_URL=https://cells.acme.org
export CEC_TOKEN=bla5kzFpfITtaO_rC8qLk1urN0XtzWbnXjgSTdd8PM5.Pp-7vtA3R6DiZezwfg5y9cqBruxXI21kXNxSwH7-1K7
cec ls common-files
