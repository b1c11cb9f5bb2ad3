import type { ButtonHTMLAttributes } from "react";
import { Spinner } from "./spinner";
import { type ButtonVariant, buttonBase, buttonVariants } from "./styles";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; pending?: boolean };

export function Button({ variant = "secondary", pending = false, disabled, className = "", children, type = "button", ...rest }: Props) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`${buttonBase} ${buttonVariants[variant]} ${className}`}
      {...rest}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}
