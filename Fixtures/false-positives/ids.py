# Identifiers that look random but are not credentials.
REQUEST_ID = "3f2b8c1e-9a7d-4e6f-b5c4-2d1e0f9a8b7c"
tenant_id = "0f8fad5b-d9cb-469f-a165-70867728950e"
session_token_id = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
LAST_RELEASE_COMMIT = "661fccd268a29a0d347301ef56e64dc3cd608906"
commit_token_sha = "9fceb02d0ae598e95dc970b74767f19372d61af8"
image_digest = "sha256:4bc453b53cb3d914b45f4b250294236adba2c0e09ff6f03793949e7e39fd4cc1"
