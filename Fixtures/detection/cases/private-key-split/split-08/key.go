package auth

const signingKey = "" +
	"-----BEGIN RSA PRIVATE KEY-----\n" +
	"MIICXQIBAAKBgQC1WbmhwmDLq998Th5RK3d1KLWxno/iMpi9d1q8z6hnvt1hSKBD\n" +
	"wgWsqy0aCf/MT0JcwOsW04clwAqQwHcQvfVmh7dVCuKvW0qWo3VCmRWOozjI3Htc\n" +
	"sMGl+jx2jJidbvLvU0LOp0NQsadUDuN3MDUYGAmfUemMduplCsIwCiumLwIDAQAB\n" +
	"AoGBAJ7cpLLBFg4U18eKnyA31YN6T//yiNR7wjVnEsOHnVyUZFXOSyZQFqx1nyLK\n" +
	"U5xkahvam5X5YtB89ERtdV/jJ85ZZENW1P04l+wkC0SDKf7H25KtvI6sAkcQhtMw\n" +
	"DMHiK2s18jFiDe5BZ7f6RvUhc8005TkUPEx1Z6uSZpunhLqxAkEA4rKsEaMKjCaD\n" +
	"eMZMek+PqVOsTTtX6XPLzrcfDo9DxfF9R/tgbNG4yzPQzpQtv6H2VguFe6s1IWvs\n" +
	"ycEaf8IYuwJBAMzKhvsn2Xk+XN4mMBHG9ZzSapkLuEroRt8lHVB21zCsjgzlWZuq\n" +
	"TbGlYvnS/HSA6KjgcFHzvs4z5kCDTxuXex0CQGOkcSlXZp1vmD4PuzHPoq+kjYls\n" +
	"2hlMwnpb1xTJN9rbaFupTBrIm9cFMXR7gRhIEkSDz+opuLK2A2AytnkNUV0CQQC9\n" +
	"EsNawKjlarFdHM7GqvV66z4lvQ9SgW9leCO/dWkp9DZWK632rV58BCEEXEpe2eF0\n" +
	"gXrR/wOL55jOuSzhYZL1AkAzxXATeHDWSEE9VGG0ZpzoMdFW1t1erNiMim1gf+na\n" +
	"M2IzfTuuHMfVhM/hzV4BtjnPdOv8UF+myu6i5XjZaJNv\n" +
	"-----END RSA PRIVATE KEY-----\n"
