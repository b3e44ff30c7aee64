import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@spct/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ListCommitmentsQuery } from '../commitments/dto/list-commitments.query';
import { PopulationQuery } from '../commitments/dto/population.query';

/** The language of headers and labels; the caller's own by default. */
export class ExportLanguageQuery {
  @ApiPropertyOptional({
    enum: LOCALES,
    description: "Language of the headers and labels (by default the caller's)",
  })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  lang?: Locale;
}

/** The filters and sort of the commitments list; the export has no pages. */
export class ExportCommitmentsQuery extends IntersectionType(
  OmitType(ListCommitmentsQuery, ['cursor', 'limit']),
  ExportLanguageQuery,
) {}

/** The dashboard's filters. */
export class ExportDashboardQuery extends IntersectionType(PopulationQuery, ExportLanguageQuery) {}

export class ExportReportsQuery extends ExportLanguageQuery {
  // The period's key ("2026-Q3"), as the report form and the compliance page name it.
  @ApiProperty({ example: '2026-Q3', description: 'The reporting period, by its key' })
  @IsString()
  @Length(1, 40)
  period: string;
}
