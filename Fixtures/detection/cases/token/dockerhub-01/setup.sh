echo dckr_pat_qlTBMVQDt_6HC6SqGVu11q-vyBl | docker login -u acmebot --password-stdin
