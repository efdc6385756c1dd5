export function Placeholder({ title }: { title: string }) {
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">{title}</h2>
      <p>This screen is being built.</p>
    </section>
  );
}
