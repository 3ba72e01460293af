const token = process.env.GITHUB_TOKEN;
const apiKey = process.env.STRIPE_SECRET_KEY_FOR_PRODUCTION;
const secretName = "projects/acme/secrets/db-password/versions/latest";
const accessTokenCookieName = "__Host-access-token";
const logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
// Subresource integrity for the CDN script
const sri = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";
