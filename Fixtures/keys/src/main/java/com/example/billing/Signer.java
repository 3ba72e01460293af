package com.example.billing;

public final class Signer {
    private static final String SIGNING_KEY =
        "-----BEGIN RSA PRIVATE KEY-----\n" +
        "MIICXAIBAAKBgQC6Si0kXHMPg7rPuXEMvqqFVjYcpivsCG1+4RYFp7d5t4OPKTyV\n" +
        "cVE8qA+Yy1ZKUKtcObXIE994IrsZ1r4ULHxKTKdrBPrLYZfw3ldfrkH4IXB3qlCb\n" +
        "4+KeZanJpdhMuoVWZxZl/5kmbtSeiUXl0VX86ZxsBU1Zr4B2kUIdvJBVhQIDAQAB\n" +
        "AoGAc3rb9PhiUzHDslUwYUgoiLNio+vWumCXD9oUPrkzIX7DTRGw/qraQxGjaYJT\n" +
        "IYpUT71ulHLNSrms5l2aQwM4n/+IBDCeDSkQauTGq4KjiP2w3Npqvsk4/RfR9iYC\n" +
        "nXQkYczcvEFH5EQcEh5RI+nwlcBfb/PmE9cN1Qu8LZroDRkCQQDfNi71yty69vRI\n" +
        "4pDiw9V/5Ba60jeTQHiM6vbInEkyXwvCzPb6AkmW5gVlPAWQfOair9hjqG3s0GwZ\n" +
        "tjjXNEJTAkEA1aeN5c+SqAFVx1c9aepew4OD9pD/obVaOzRE4bDlLfpSJSjMTrJw\n" +
        "vKhS4L6V6lbnArka3QDIvi2NHCf1VfE9xwJATYq2L58EpVLLNFK5AH4FukMTfl0u\n" +
        "/1GjT1kE2FYqu3v3SvoHRnzq8agA8dUzHam2OYgbBSvq3BzfoOMDxgcajwJAY5Ju\n" +
        "GC9QCwpsPrXSwlzfA0F0q+HRsTyCq9rlS0WU2YOy6uyDox2YWuQbk/Bej9MmYGeC\n" +
        "NINcCv3RqNCajw4aGwJBAI8U72HWEStdQX5kHyUZBe997WFNs2q2z0tKAL3XEEWR\n" +
        "6I8kuNVJ/w0ufsoVTF/gNQuk3+EChPcVuORvuRMkXeg=\n" +
        "-----END RSA PRIVATE KEY-----\n";
}
