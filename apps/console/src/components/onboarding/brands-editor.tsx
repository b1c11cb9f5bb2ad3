"use client";
import { MAX_BRANDS, TEXT_LIMITS } from "@opus/rules/text-limits";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Fieldset } from "../ui/fieldset";
import { TextField } from "../ui/text-field";
import { type BrandForm, newBrand } from "./profile-form";

type Props = {
  brands: BrandForm[];
  onChange: (brands: BrandForm[]) => void;
  message: (field: string) => string | null;
  touch: (field: string) => void;
};

/** One row per brand and its authorisation server in the Directory. */
export function BrandsEditor({ brands, onChange, message, touch }: Props) {
  const t = useTranslations("onboarding.profile");
  const update = (index: number, changes: Partial<BrandForm>) =>
    onChange(brands.map((brand, i) => (i === index ? { ...brand, ...changes } : brand)));
  return (
    <Fieldset legend={t("brands")} hint={t("brandsHint")} error={message("brands")}>
      <ol className="space-y-3">
        {brands.map((brand, index) => (
          <li
            key={brand.key}
            className="grid grid-cols-1 items-start gap-3 rounded-md border border-slate-200 bg-slate-50/60 p-3 md:grid-cols-[1fr_1.3fr_auto]"
          >
            <TextField
              label={t("brandName", { number: index + 1 })}
              value={brand.name}
              onChange={(e) => update(index, { name: e.target.value })}
              onBlur={() => touch(`brands.${index}.name`)}
              error={message(`brands.${index}.name`)}
              maxLength={TEXT_LIMITS.brandName}
              required
            />
            <TextField
              label={t("authorisationServerId", { number: index + 1 })}
              value={brand.authorisationServerId}
              onChange={(e) => update(index, { authorisationServerId: e.target.value })}
              onBlur={() => touch(`brands.${index}.authorisationServerId`)}
              error={message(`brands.${index}.authorisationServerId`)}
              placeholder="00000000-0000-0000-0000-000000000000"
              maxLength={TEXT_LIMITS.uuid}
              spellCheck={false}
              autoComplete="off"
              required
              className="[&_input]:font-mono"
            />
            <Button
              variant="dangerGhost"
              className="md:mt-6"
              disabled={brands.length <= 1}
              aria-label={t("removeBrandNamed", { number: index + 1 })}
              onClick={() => onChange(brands.filter((_, i) => i !== index))}
            >
              {t("removeBrand")}
            </Button>
          </li>
        ))}
      </ol>
      <Button disabled={brands.length >= MAX_BRANDS} onClick={() => onChange([...brands, newBrand()])}>
        {t("addBrand")}
      </Button>
    </Fieldset>
  );
}
