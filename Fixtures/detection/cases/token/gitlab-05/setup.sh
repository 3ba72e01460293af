curl -X POST -F token=glptt-20d280e8bf02b06d477be41fa4a67228e25256ca -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline
