// Every notice's words, in the two languages people can save (pt-BR, en). A notice is stored as
// its kind and facts (params) and rendered here for each reader: the e-mail in the recipient's
// saved language, the console row in the language the reader is looking at. Someone who saved no
// language reads English, as the console shows a browser that is not Portuguese.
import { CURRENT_RULES } from "@opus/rules/regulatory-thresholds";

export type NoticeLocale = "pt-BR" | "en";
export const noticeLocaleOf = (saved: string | null | undefined): NoticeLocale => (saved === "pt-BR" ? "pt-BR" : "en");

type EnvLine = { kind: string; releaseVersion: string | null };

export type NoticeParams = {
  "health.incident_opened": { slug: string; envKind: string; rule: string; endpoint: string; day: string; rulesVersion: string };
  "health.incident_resolved": { slug: string; envKind: string; rule: string; endpoint: string; firstDay: string };
  "release.published": {
    version: string;
    channel: string;
    environments: EnvLine[];
    kubernetesMin: string;
    kubernetesMax: string;
    minUpgradableFrom: string | null;
  };
  "rollout.wave_started": { version: string; rolloutName: string; waveName: string; environments: EnvLine[] };
};
export type NoticeKind = keyof NoticeParams;
export type Notice = { [K in NoticeKind]: { kind: K; params: NoticeParams[K] } }[NoticeKind];

const percent = (basisPoints: number, locale: NoticeLocale) =>
  `${(basisPoints / 100).toLocaleString(locale === "pt-BR" ? "pt-BR" : "en-US")}%`;

const ENV_KIND: Record<NoticeLocale, Record<string, string>> = {
  en: { DEVELOPMENT: "development", HOMOLOGATION: "homologation", PRODUCTION: "production" },
  "pt-BR": { DEVELOPMENT: "desenvolvimento", HOMOLOGATION: "homologação", PRODUCTION: "produção" },
};
const CHANNEL: Record<NoticeLocale, Record<string, string>> = {
  en: { FAST: "fast", REGULAR: "regular", SLOW: "slow" },
  "pt-BR": { FAST: "rápido", REGULAR: "regular", SLOW: "lento" },
};
const envKind = (kind: string, l: NoticeLocale) => ENV_KIND[l][kind] ?? kind.toLowerCase();
const channel = (c: string, l: NoticeLocale) => CHANNEL[l][c] ?? c.toLowerCase();

/** The rule in words, from the thresholds in force (they are data, so is this). */
export function ruleInWords(rule: string, l: NoticeLocale = "en"): string {
  const r = CURRENT_RULES;
  const pt = l === "pt-BR";
  switch (rule) {
    case "availability.daily":
      return `${pt ? "disponibilidade diária abaixo de" : "daily availability below"} ${percent(r.dailyAvailability.minimumBasisPoints, l)}`;
    case "availability.window":
      return pt
        ? `disponibilidade abaixo de ${percent(r.windowAvailability.minimumBasisPoints, l)} em ${r.windowAvailability.windowDays} dias`
        : `availability below ${percent(r.windowAvailability.minimumBasisPoints, l)} over ${r.windowAvailability.windowDays} days`;
    case "latency.p95":
      return pt ? "tempo de resposta do percentil 95 acima do limite" : "95th-percentile response time above its limit";
    case "availability.burn":
      return pt
        ? `orçamento de erro consumido mais rápido do que a janela de ${r.windowAvailability.windowDays} dias permite`
        : `error budget burning faster than the ${r.windowAvailability.windowDays}-day window allows`;
    default:
      return rule;
  }
}

const envLines = (envs: EnvLine[], l: NoticeLocale) =>
  envs.map((e) =>
    l === "pt-BR"
      ? `- ${envKind(e.kind, l)}: executa ${e.releaseVersion ?? "uma versão não informada"}`
      : `- ${envKind(e.kind, l)}: runs ${e.releaseVersion ?? "an unreported version"}`,
  );

/** Subject and body (without the link, which the e-mail appends and the console shows as one). */
export function renderNotice(notice: Notice, l: NoticeLocale): { subject: string; body: string } {
  const pt = l === "pt-BR";
  switch (notice.kind) {
    case "health.incident_opened": {
      const p = notice.params;
      const label = `${p.slug} (${envKind(p.envKind, l)})`;
      const rule = ruleInWords(p.rule, l);
      return pt
        ? {
            subject: `Regras do Open Finance: ${label}, ${rule} em ${p.endpoint}`,
            body:
              `${label} apresenta ${rule} (${p.rule}) em ${p.endpoint} desde ${p.day} (horário de São Paulo), ` +
              `segundo ${p.rulesVersion}. Você será avisado de novo quando se resolver, não a cada relatório.`,
          }
        : {
            subject: `Open Finance rules: ${label}, ${rule} on ${p.endpoint}`,
            body:
              `${label} shows ${rule} (${p.rule}) on ${p.endpoint} since ${p.day} (São Paulo), ` +
              `judged against ${p.rulesVersion}. You will hear again when it resolves, not at every report.`,
          };
    }
    case "health.incident_resolved": {
      const p = notice.params;
      const label = `${p.slug} (${envKind(p.envKind, l)})`;
      const rule = ruleInWords(p.rule, l);
      return pt
        ? {
            subject: `Resolvido: ${label}, ${rule} em ${p.endpoint}`,
            body: `${label} não apresenta mais ${rule} em ${p.endpoint} (aberto desde ${p.firstDay}).`,
          }
        : {
            subject: `Resolved: ${label}, ${rule} on ${p.endpoint}`,
            body: `${label} no longer shows ${rule} on ${p.endpoint} (open since ${p.firstDay}).`,
          };
    }
    case "release.published": {
      const p = notice.params;
      const ch = channel(p.channel, l);
      return pt
        ? {
            subject: `Opus Open Finance ${p.version} está disponível no canal ${ch}`,
            body: [
              `A versão ${p.version} foi publicada. Sua instalação segue o canal ${ch}:`,
              ...envLines(p.environments, l),
              "",
              `Ela suporta Kubernetes ${p.kubernetesMin} a ${p.kubernetesMax}` +
                (p.minUpgradableFrom ? ` e atualiza a partir da ${p.minUpgradableFrom} ou mais nova.` : "."),
              "Atualize na sua janela de manutenção; o console acompanha a versão que o seu heartbeat informa.",
            ].join("\n"),
          }
        : {
            subject: `Opus Open Finance ${p.version} is available on the ${ch} channel`,
            body: [
              `Release ${p.version} is published. Your installation follows the ${ch} channel:`,
              ...envLines(p.environments, l),
              "",
              `It supports Kubernetes ${p.kubernetesMin} to ${p.kubernetesMax}` +
                (p.minUpgradableFrom ? ` and upgrades from ${p.minUpgradableFrom} or newer.` : "."),
              "Upgrade in your maintenance window; the console follows the version your heartbeat reports.",
            ].join("\n"),
          };
    }
    case "rollout.wave_started": {
      const p = notice.params;
      return pt
        ? {
            subject: `Atualize para Opus Open Finance ${p.version}: onda "${p.waveName}" da implantação "${p.rolloutName}"`,
            body: [
              `A implantação "${p.rolloutName}" chegou à onda "${p.waveName}", que inclui sua instalação autogerenciada:`,
              ...envLines(p.environments, l),
              "",
              `Atualize para ${p.version} na sua janela de manutenção. A onda conta o ambiente como atualizado quando o heartbeat informar ${p.version}.`,
            ].join("\n"),
          }
        : {
            subject: `Upgrade to Opus Open Finance ${p.version}: wave "${p.waveName}" of rollout "${p.rolloutName}"`,
            body: [
              `Rollout "${p.rolloutName}" reached wave "${p.waveName}", which includes your self-managed installation:`,
              ...envLines(p.environments, l),
              "",
              `Upgrade to ${p.version} in your maintenance window. The wave counts the environment as upgraded once its heartbeat reports ${p.version}.`,
            ].join("\n"),
          };
    }
  }
}

/** A stored row's text in a reader's language; rows from before params existed keep their English. */
export function renderStored(
  row: { kind: string; params: unknown; subject: string; body: string },
  l: NoticeLocale,
): { subject: string; body: string } {
  if (row.params === null || row.params === undefined) return { subject: row.subject, body: row.body };
  return renderNotice({ kind: row.kind, params: row.params } as Notice, l);
}
