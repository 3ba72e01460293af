dotnet nuget push pkg.nupkg --api-key oy2g51qia882yrz40xq6do9oteapvjaqy91xyw8ugh015d --source https://api.nuget.org/v3/index.json
