export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <p>
        Bewaar deze herstelcodes op een veilige plek. Elke code werkt één keer, als u uw authenticator-app niet bij de hand heeft. U ziet ze alleen nu.
      </p>
      <ul className="recovery-codes" aria-label="Herstelcodes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
