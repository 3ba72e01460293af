val key =
    "-----BEGIN PRIVATE KEY-----\n" +
    "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDJdj+K89Anbyfi\n" +
    "8LLU5YvPLhI8tbGwQedKIdVM0gj9CViORxCrRbi4GI/LnTKbZyfq4FSTji7GAIsr\n" +
    "xdbjJu/DtfKdLflqq6LPZnzOQiTvOAryrBfB8Nk0NJmdO25hWf5V/L8tIGfweR5T\n" +
    "oiupBGr4qcZd6nT39N4Y7zsWNv3ZWhk/p6naIagMfgNhJ5jrb5VvsSBMsrThZoKg\n" +
    "Zjtp5ly1o8ZsjIpGx4UZWPiYV3CjJVBC6dHcuCsxjMN9+MO58SY6dlxjyLWs4vIQ\n" +
    "wCRqjeUpFuFSmRZFsUY0no7O4BllkmR9QwOlYZbJZxJHSDbynKOHNA6c3ehziU5F\n" +
    "MCdKOYf7AgMBAAECggEABsWlzyrw9VJkOdmzeTqaH4XB8S5+YZllh/VpMSLiUHcu\n" +
    "9eFnqwo18mJI+yQ2nkiya8/MqAUgh2FfTEJjPdGCP8bu99+iwbYxS917Fofcq/nr\n" +
    "TEsCpW9OLdYSz9k+laErzoInfwHW3JuFrHQIGa9fVSqH04JdGjSt/pKUHuQMVnEE\n" +
    "mXoheMp6G05AjnuuO+P7vpvinZtPxwoFh9rvgNdb2aEzi3W3lIiDH+PHVyir8O5n\n" +
    "71dktaqQdHCfkbESSZGHQ3oQdJwWSllqNVQOwURNms0mhL+XAaimloZuD1lsnN34\n" +
    "cOizikgPugT1jDjNjuSm211ETbiAIOQPrrT3NemDmQKBgQDyR1gR7ahFDphvb+/F\n" +
    "YNXqv8AgnhOLsUkxXFR/fhy9I4Bm/bPHM7GTVdEHZbVhdw5xQyWqpVw5pKn88GFc\n" +
    "4DFZLtv5qZB2mEa0xQ5sMhWAxSPxDCt2O+KlJk0SDoGxM40JrnRx2UJ7ApCtl6xo\n" +
    "1t5ZV7YLCMmbpsd/8vwF+XinTQKBgQDU3yAwC5+DjfMS3ntCGjRg1AIOCM4t6V5x\n" +
    "PJP1WjLTKtNnQhPKIkxAgRKqFmTOuXh/vX26F7gyRrBXbKGDmFjc2T+FZPpv1gKN\n" +
    "KJHA5fU2IO1S1C+Znj2xTeFlxLpyJ7oiWJwVk3WuL5MpKvpOM6g9ZqziHOAkMuEd\n" +
    "XhjynXsYZwKBgEYg9JMr8ZsboHARPJwrbYAnxNssJog25vLMwQCuZm8xCYfGQ/WT\n" +
    "NwFow7qabCgsKBgM0ahVeR6OVU4L3oLduisQb0gTFufdKApHR+d1j9fYOJEbbrEo\n" +
    "oHAhaAmj/VJnk5mLz9TsiFvG4E3/Kz6lg3Lk+qKzBnhxjCmzEdRA4/W5AoGAPCK0\n" +
    "Yx5Fd9KYApKbW3cvqNL7qZ9PL6UnqvGkEsHibclBY4BFOuspg2dzMF2XKNc4dU3A\n" +
    "wNuGi51wn6HultBo+irdSP/Xx9Q7cEkvs8DC3wG6SZXrxIfxga8wp6FF0o3qhV1m\n" +
    "6ql3qzeBaTXc9E6fjoj8+fuSTmeZNMSqY4+dgK0CgYATlNkiFmnus+7VB/pqSPdG\n" +
    "zPeGHlontZ3Dj5CI+Mjum02rXJa7TurbxYeGmdeQhwZJMIi5S1qFyK0gXINMUYOT\n" +
    "FqzG+MurWi6Y2ULXlEITTIG0TanSp8jSl4vvzCNg7xWtGwTE05hwvbZvRsg63htj\n" +
    "hngs3p93iPhtbiBuVWhmiA==\n" +
    "-----END PRIVATE KEY-----\n"
