// Cross-checks motcua's ID-token handling with the independent `jose` package (panva/jose).
// Usage: node jose-interop.mjs sign|verify < request.json
import * as jose from 'jose';

const input = JSON.parse(await new Promise((resolve) => {
  let data = '';
  process.stdin.on('data', (chunk) => (data += chunk));
  process.stdin.on('end', () => resolve(data));
}));

if (process.argv[2] === 'sign') {
  const key = await jose.importJWK(input.jwk, input.alg);
  const token = await new jose.SignJWT(input.claims)
    .setProtectedHeader({ alg: input.alg, kid: input.jwk.kid, typ: 'JWT' })
    .sign(key);
  process.stdout.write(token);
} else if (process.argv[2] === 'verify') {
  const jwks = jose.createLocalJWKSet(input.jwks);
  const { payload, protectedHeader } = await jose.jwtVerify(input.token, jwks, {
    issuer: input.issuer,
    audience: input.audience,
    algorithms: ['RS256', 'PS256', 'ES256'],
  });
  process.stdout.write(JSON.stringify({ alg: protectedHeader.alg, sub: payload.sub, nonce: payload.nonce }));
} else {
  process.stderr.write('mode must be sign or verify');
  process.exit(2);
}
