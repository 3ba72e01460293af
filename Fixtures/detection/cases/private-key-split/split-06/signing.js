const privateKey =
  '-----BEGIN EC PRIVATE KEY-----\n' +
  'MHcCAQEEIGnu0W4xk8oGlwjURICl0aFcW9YLCU5VygpzrFeSXL+xoAoGCCqGSM49\n' +
  'AwEHoUQDQgAE374S+UAhFUZoDZ04W/SvqmbheLKdTxtKm4jmgGlSa9EnME4nrgQF\n' +
  '9ubeMtBNowjm5uMomST6L0dFvXSl8VLS5Q==\n' +
  '-----END EC PRIVATE KEY-----\n';
module.exports = { privateKey };
