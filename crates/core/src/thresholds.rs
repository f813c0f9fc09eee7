//! Threshold colours: which colour a value gets, where percent steps fall, and the bands of
//! a gauge, as Perses' stat, gauge and time series plugins compute them.

use crate::spec::common::{ThresholdMode, Thresholds};

/// The colours a theme gives thresholds without their own: the base colour, then one per
/// step in order (Perses: success, then `#FFCC00`, warning, error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThresholdPalette {
    pub default_color: String,
    pub steps: Vec<String>,
}

impl ThresholdPalette {
    /// PatternFly 6's light status colours; the web layer passes the current theme's.
    pub fn patternfly_light() -> Self {
        Self {
            default_color: "#3d7317".to_owned(),
            steps: vec![
                "#ffcc00".to_owned(),
                "#dca614".to_owned(),
                "#b1380b".to_owned(),
            ],
        }
    }
}

/// One step with its colour resolved and its value in the data's units.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedStep {
    pub value: f64,
    pub color: String,
    pub name: Option<String>,
}

/// The base colour: the thresholds' `defaultColor`, else the theme's.
pub fn base_color(thresholds: Option<&Thresholds>, palette: &ThresholdPalette) -> String {
    thresholds
        .and_then(|thresholds| thresholds.default_color.clone())
        .unwrap_or_else(|| palette.default_color.clone())
}

/// The steps with their colours: a step's own, else the palette's at its index, else the base.
/// Percent steps are placed between `min` and `max` (`min + pct/100 × (max − min)`).
pub fn resolve_steps(
    thresholds: &Thresholds,
    palette: &ThresholdPalette,
    min: f64,
    max: f64,
) -> Vec<ResolvedStep> {
    let base = base_color(Some(thresholds), palette);
    thresholds
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| ResolvedStep {
            value: match thresholds.mode.unwrap_or_default() {
                ThresholdMode::Absolute => step.value,
                ThresholdMode::Percent => min + step.value / 100.0 * (max - min),
            },
            color: step
                .color
                .clone()
                .or_else(|| palette.steps.get(index).cloned())
                .unwrap_or_else(|| base.clone()),
            name: step.name.clone(),
        })
        .collect()
}

/// The colour of `value`: the last step it reaches (steps compared by their raw value, as
/// Perses' stat chart does), else `None` (the caller uses the base colour).
pub fn color_for_value(
    value: f64,
    thresholds: &Thresholds,
    palette: &ThresholdPalette,
) -> Option<String> {
    if value.is_nan() {
        return None;
    }
    let absolute = Thresholds {
        mode: Some(ThresholdMode::Absolute),
        ..thresholds.clone()
    };
    resolve_steps(&absolute, palette, 0.0, 0.0)
        .into_iter()
        .rfind(|step| value >= step.value)
        .map(|step| step.color)
}

/// The bands of a gauge's arc from 0 to `max`: each band's end as a fraction of the arc
/// (0–1) and its colour, the base colour first. Percent steps are fractions of 100.
pub fn gauge_bands(
    thresholds: Option<&Thresholds>,
    max: f64,
    palette: &ThresholdPalette,
) -> Vec<(f64, String)> {
    let base = base_color(thresholds, palette);
    let Some(thresholds) = thresholds.filter(|thresholds| !thresholds.steps.is_empty()) else {
        return vec![(1.0, base)];
    };
    let percent = thresholds.mode == Some(ThresholdMode::Percent);
    let ends = thresholds.steps.iter().map(|step| {
        let end = if percent {
            step.value / 100.0
        } else {
            step.value / max
        };
        if end.is_finite() {
            end.clamp(0.0, 1.0)
        } else {
            1.0
        }
    });
    let colors = std::iter::once(base.clone()).chain(thresholds.steps.iter().enumerate().map(
        |(index, step)| {
            step.color
                .clone()
                .or_else(|| palette.steps.get(index).cloned())
                .unwrap_or_else(|| base.clone())
        },
    ));
    ends.chain(std::iter::once(1.0)).zip(colors).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::common::ThresholdStep;

    fn thresholds(mode: ThresholdMode, steps: &[(f64, Option<&str>)]) -> Thresholds {
        Thresholds {
            mode: Some(mode),
            default_color: None,
            steps: steps
                .iter()
                .map(|(value, color)| ThresholdStep {
                    value: *value,
                    color: color.map(str::to_owned),
                    name: None,
                })
                .collect(),
        }
    }

    #[test]
    fn the_last_step_reached_gives_the_colour() {
        let palette = ThresholdPalette::patternfly_light();
        let steps = thresholds(
            ThresholdMode::Absolute,
            &[(70.0, None), (90.0, Some("red"))],
        );
        for (value, expected) in [
            (10.0, None),
            (70.0, Some("#ffcc00")),
            (85.0, Some("#ffcc00")),
            (95.0, Some("red")),
            (f64::NAN, None),
        ] {
            assert_eq!(
                color_for_value(value, &steps, &palette).as_deref(),
                expected,
                "{value}"
            );
        }
        assert_eq!(base_color(Some(&steps), &palette), "#3d7317");
    }

    #[test]
    fn percent_steps_fall_between_min_and_max() {
        let palette = ThresholdPalette::patternfly_light();
        let steps = thresholds(ThresholdMode::Percent, &[(50.0, None), (80.0, None)]);
        let values: Vec<f64> = resolve_steps(&steps, &palette, 100.0, 300.0)
            .iter()
            .map(|step| step.value)
            .collect();
        assert_eq!(values, vec![200.0, 260.0]);
    }

    #[test]
    fn gauge_bands_end_at_each_step() {
        let palette = ThresholdPalette::patternfly_light();
        let absolute = thresholds(
            ThresholdMode::Absolute,
            &[(50.0, None), (80.0, Some("red"))],
        );
        assert_eq!(
            gauge_bands(Some(&absolute), 200.0, &palette),
            vec![
                (0.25, "#3d7317".to_owned()),
                (0.4, "#ffcc00".to_owned()),
                (1.0, "red".to_owned())
            ]
        );
        let percent = thresholds(ThresholdMode::Percent, &[(90.0, None)]);
        assert_eq!(gauge_bands(Some(&percent), 5.0, &palette)[0].0, 0.9);
        assert_eq!(
            gauge_bands(None, 1.0, &palette),
            vec![(1.0, "#3d7317".to_owned())]
        );
    }
}
