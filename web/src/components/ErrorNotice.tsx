/** The messages of a failure, announced when they appear (role="alert"); nothing when there are none. */
export function ErrorNotice({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
